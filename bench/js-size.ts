// The JavaScript each public page loads, gzipped at level 9 as a compressing server would send it:
// the page is opened in the system Chromium and every script response is counted.
import { gzipSync } from "node:zlib";
import { chromium, type Response } from "@playwright/test";

export interface PageScripts {
  page: string;
  path: string;
  files: number;
  gzipKb: number;
}

export async function publicPageScripts(base: string, pages: { page: string; path: string }[]): Promise<PageScripts[]> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  try {
    const out: PageScripts[] = [];
    for (const { page: name, path } of pages) {
      const context = await browser.newContext();
      const page = await context.newPage();
      const sizes: Promise<number>[] = [];
      page.on("response", (res: Response) => {
        if (res.request().resourceType() === "script") sizes.push(res.body().then((b) => gzipSync(b, { level: 9 }).length, () => 0));
      });
      await page.goto(base + path, { waitUntil: "networkidle" });
      const bytes = await Promise.all(sizes);
      out.push({ page: name, path, files: bytes.length, gzipKb: bytes.reduce((a, b) => a + b, 0) / 1024 });
      await context.close();
    }
    return out;
  } finally {
    await browser.close();
  }
}
