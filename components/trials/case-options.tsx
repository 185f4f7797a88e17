/** The campaign's cases as a select's options, after the one for "no case". */
export function CaseOptions({ cases, none }: { cases: { id: string; name: string }[]; none: string }) {
  return (
    <>
      <option value="">{none}</option>
      {cases.map((c) => (
        <option key={c.id} value={c.id}>
          {c.name}
        </option>
      ))}
    </>
  );
}

/** What a new event or update of the campaign is about when the campaign follows one case only: that case. */
export function soleCaseId(cases: { id: string }[]): string {
  return cases.length === 1 ? (cases[0]?.id ?? "") : "";
}
