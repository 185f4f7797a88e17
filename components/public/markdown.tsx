import ReactMarkdown from "react-markdown";
import rehypeSanitize, { defaultSchema } from "rehype-sanitize";

// GitHub's sanitising schema, without raw HTML: scripts, event handlers and javascript: links never reach the page.
const schema = { ...defaultSchema, protocols: { ...defaultSchema.protocols, href: ["http", "https", "mailto"] } };

const PROSE =
  "prose-picket space-y-3 leading-relaxed [&_h2]:mt-6 [&_h2]:text-xl [&_h2]:font-semibold [&_h3]:font-semibold [&_li]:ml-5 " +
  "[&_ol]:list-decimal [&_ul]:list-disc [&_blockquote]:border-l-4 [&_blockquote]:border-stone-300 [&_blockquote]:pl-4";

export function Markdown({ children }: { children: string }) {
  return (
    <div className={PROSE}>
      <ReactMarkdown
        rehypePlugins={[[rehypeSanitize, schema]]}
        components={{ a: ({ node: _node, ...props }) => <a {...props} rel="nofollow noopener noreferrer" /> }}
      >
        {children}
      </ReactMarkdown>
    </div>
  );
}
