import { headlineSegments } from "@/lib/articles/highlight";

/** A search headline with the matched words in <mark>. */
export function Highlighted({ headline }: { headline: string }) {
  return (
    <>
      {headlineSegments(headline).map((s, i) =>
        s.mark ? (
          <mark key={i} className="rounded bg-amber-200 px-0.5 text-stone-900">
            {s.text}
          </mark>
        ) : (
          <span key={i}>{s.text}</span>
        ),
      )}
    </>
  );
}
