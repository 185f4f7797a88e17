/** The values a form sends without showing them (which organisation, which event); one left undefined is not sent. */
export function HiddenFields({ values }: { values: Record<string, string | undefined> }) {
  return <>{Object.entries(values).map(([name, value]) => (value === undefined ? null : <input key={name} type="hidden" name={name} value={value} />))}</>;
}
