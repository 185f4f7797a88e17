import type { ComponentProps, ReactNode } from "react";
import { Fragment, jsx, jsxs } from "react/jsx-runtime";
import { toJsxRuntime } from "hast-util-to-jsx-runtime";
import rehypeSanitize, { defaultSchema } from "rehype-sanitize";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";

// GitHub's sanitising schema, without raw HTML: scripts, event handlers and javascript: links never reach the page.
const schema = { ...defaultSchema, protocols: { ...defaultSchema.protocols, href: ["http", "https", "mailto"] } };

// Markdown to a syntax tree to sanitised HTML elements (raw HTML in the source is dropped by remark-rehype).
const processor = unified().use(remarkParse).use(remarkRehype).use(rehypeSanitize, schema).freeze();

const PROSE =
  "prose-picket space-y-3 leading-relaxed [&_h2]:mt-6 [&_h2]:text-xl [&_h2]:font-semibold [&_h3]:font-semibold [&_li]:ml-5 " +
  "[&_ol]:list-decimal [&_ul]:list-disc [&_blockquote]:border-l-4 [&_blockquote]:border-stone-300 [&_blockquote]:pl-4";

const Link = (props: ComponentProps<"a">) => <a {...props} rel="nofollow noopener noreferrer" />;

/**
 * An image in a text becomes a link to it: Picket keeps no images of its own, so every image would come from
 * another site, which would learn who reads the page (and the pages' policy would block it anyway). The reader
 * can open it, knowingly.
 */
const ImageLink = ({ src, alt }: ComponentProps<"img">) => (typeof src === "string" && src ? <Link href={src}>{alt || src}</Link> : alt ? <>{alt}</> : null);

/**
 * The React elements of a Markdown text. A campaign's or an event's text is the same on every rendering of its
 * page, so its elements (immutable, like every React element) are kept by the text itself: parsing it cost a
 * public page a twentieth of its rendering. Kept for the most recent texts only.
 */
const rendered = new Map<string, ReactNode>();
const KEPT = 200;

function elementsOf(source: string): ReactNode {
  const kept = rendered.get(source);
  if (kept !== undefined) {
    rendered.delete(source);
    rendered.set(source, kept);
    return kept;
  }
  const tree = processor.runSync(processor.parse(source));
  const elements = toJsxRuntime(tree, { Fragment, jsx, jsxs, components: { a: Link, img: ImageLink }, passKeys: true, ignoreInvalidStyle: true });
  rendered.set(source, elements);
  if (rendered.size > KEPT) rendered.delete(rendered.keys().next().value!);
  return elements;
}

export function Markdown({ children }: { children: string }) {
  return <div className={PROSE}>{elementsOf(children)}</div>;
}
