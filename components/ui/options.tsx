/** A select's options: a blank one first when `blank` names it (any, none), then one a value, shown by `label` or as it is. */
export function Options<T extends string>({ values, blank, label }: { values: readonly T[]; blank?: string; label?: (value: T) => string }) {
  return (
    <>
      {blank === undefined ? null : <option value="">{blank}</option>}
      {values.map((v) => (
        <option key={v} value={v}>
          {label ? label(v) : v}
        </option>
      ))}
    </>
  );
}
