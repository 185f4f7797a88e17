/** A page that could not be shown: what happened, and a plain link on. The texts come already translated. */
export function ErrorMessage({ title, text, back }: { title: string; text?: string; back: { href: string; label: string } }) {
  return (
    <>
      <h1 className="text-2xl font-bold">{title}</h1>
      {text ? <p className="mt-3 text-stone-700">{text}</p> : null}
      <a href={back.href} className="mt-6 inline-block text-brand-700 underline">
        {back.label}
      </a>
    </>
  );
}
