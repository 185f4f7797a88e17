import "server-only";
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";

// The public pages' stylesheet: the same Tailwind CSS as the rest of the site (app/globals.css, with the classes
// found in the source), compiled by Tailwind's own PostCSS plugin once per process, the first time a page or the
// file is asked for. Its name carries a hash of its content, so browsers may keep it for a year.

export interface Stylesheet {
  path: string;
  body: string;
}

let compiled: Promise<Stylesheet> | null = null;

async function compile(): Promise<Stylesheet> {
  const [{ default: postcss }, { default: tailwind }] = await Promise.all([import("postcss"), import("@tailwindcss/postcss")]);
  const base = /*turbopackIgnore: true*/ process.cwd();
  const from = path.join(base, "app", "globals.css");
  const result = await postcss([tailwind({ base, optimize: { minify: true } })]).process(await readFile(from, "utf8"), { from });
  const hash = createHash("sha256").update(result.css).digest("hex").slice(0, 12);
  return { path: `/assets/picket.${hash}.css`, body: result.css };
}

export function publicStylesheet(): Promise<Stylesheet> {
  if (!compiled) {
    compiled = compile();
    compiled.catch(() => (compiled = null));
  }
  return compiled;
}
