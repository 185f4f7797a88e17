import type { Root, RootContent } from "mdast";
import { toString } from "mdast-util-to-string";
import { remark } from "remark";
import strip from "strip-markdown";
import type { PublicArticle } from "@/lib/articles/public";
import { escapeMarkup } from "@/lib/text/escape";

// An Atom feed (RFC 4287) of a campaign's public updates and articles. Everything is escaped.

/**
 * Markdown as the plain text a feed reader shows, read by the same parser as the pages (remark) and stripped by
 * strip-markdown: emphasis, headings, quotes, code marks and HTML dropped, a link as its text with its address
 * after it, list items as bullets, blocks apart by a blank line.
 */
export function markdownToText(md: string): string {
  const tree = stripper.runSync(stripper.parse(md)) as Root;
  return tree.children
    .map((block) =>
      block.type === "list"
        ? block.children.map((item) => `• ${toString(item, { includeHtml: false }).trim()}`).join("\n")
        : toString(block, { includeHtml: false }).trim(),
    )
    .filter(Boolean)
    .join("\n\n");
}

/** A link's address stays readable in plain text: "the report (https://…)", unless the text is the address. */
function linkAddresses() {
  return (tree: Root) => {
    const visit = (node: Root | RootContent) => {
      if (!("children" in node)) return;
      node.children = node.children.map((child) => {
        if (child.type !== "link") return (visit(child), child);
        const text = toString(child);
        return { type: "text", value: !text || text === child.url ? child.url : `${text} (${child.url})` } as const;
      }) as typeof node.children;
    };
    visit(tree);
  };
}

const stripper = remark()
  .use(linkAddresses)
  .use(strip, { keep: ["list", "listItem"] });

export interface FeedInput {
  origin: string;
  campaign: { id: string; slug: string; title: string; summary: string; orgName: string; updatedAt: Date };
  updates: { id: string; title: string; body: string; postedAt: Date; updatedAt: Date }[];
  articles: PublicArticle[];
  labels: { update: string; article: string };
}

interface Entry {
  id: string;
  title: string;
  link: string;
  updated: Date;
  published: Date;
  summary: string;
  category: string;
}

const iso = (d: Date) => d.toISOString();

export function buildAtomFeed({ origin, campaign, updates, articles, labels }: FeedInput): string {
  const page = `${origin}/c/${campaign.slug}`;
  const entries: Entry[] = [
    ...updates.map((u) => ({
      id: `urn:uuid:${u.id}`,
      title: u.title,
      link: `${page}#update-${u.id}`,
      updated: u.updatedAt > u.postedAt ? u.updatedAt : u.postedAt,
      published: u.postedAt,
      summary: markdownToText(u.body),
      category: labels.update,
    })),
    ...articles.map((a) => {
      const published = a.publishedOn ? new Date(`${a.publishedOn}T00:00:00Z`) : a.updatedAt;
      return {
        id: `urn:uuid:${a.id}`,
        title: a.title,
        link: a.url,
        updated: a.updatedAt > published ? a.updatedAt : published,
        published,
        summary: [a.publication, a.excerpt].filter(Boolean).join(" — "),
        category: labels.article,
      };
    }),
  ].sort((a, b) => b.published.getTime() - a.published.getTime());
  const updated = entries.reduce((max, e) => (e.updated > max ? e.updated : max), campaign.updatedAt);
  const lines = [
    `<?xml version="1.0" encoding="utf-8"?>`,
    `<feed xmlns="http://www.w3.org/2005/Atom">`,
    `  <id>urn:uuid:${campaign.id}</id>`,
    `  <title>${escapeMarkup(campaign.title)}</title>`,
    campaign.summary ? `  <subtitle>${escapeMarkup(campaign.summary)}</subtitle>` : null,
    `  <updated>${iso(updated)}</updated>`,
    `  <author><name>${escapeMarkup(campaign.orgName)}</name></author>`,
    `  <link rel="self" type="application/atom+xml" href="${escapeMarkup(`${page}/feed.xml`)}"/>`,
    `  <link rel="alternate" type="text/html" href="${escapeMarkup(page)}"/>`,
    `  <generator>Picket</generator>`,
    ...entries.flatMap((e) => [
      `  <entry>`,
      `    <id>${escapeMarkup(e.id)}</id>`,
      `    <title>${escapeMarkup(e.title)}</title>`,
      `    <link rel="alternate" href="${escapeMarkup(e.link)}"/>`,
      `    <published>${iso(e.published)}</published>`,
      `    <updated>${iso(e.updated)}</updated>`,
      `    <category term="${escapeMarkup(e.category)}"/>`,
      `    <summary type="text">${escapeMarkup(e.summary)}</summary>`,
      `  </entry>`,
    ]),
    `</feed>`,
  ];
  return lines.filter((l) => l !== null).join("\n") + "\n";
}
