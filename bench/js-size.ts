// The JavaScript each public page loads, gzipped at level 9 as a compressing server would send it:
// the page is opened in the system Chromium and every script response is counted, and so is the code
// written into the page itself (inline scripts, gzipped together).
import { gzipSync } from "node:zlib";
import { chromium, type Response } from "@playwright/test";
import { CHROMIUM_ARGS } from "../scripts/chromium";

export interface PageScripts {
  page: string;
  path: string;
  files: number;
  /** Script files. */
  gzipKb: number;
  /** Scripts written into the HTML. */
  inlineKb: number;
}

export async function publicPageScripts(base: string, pages: { page: string; path: string; refuseSignup?: boolean }[]): Promise<PageScripts[]> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: CHROMIUM_ARGS,
  });
  try {
    const out: PageScripts[] = [];
    for (const { page: name, path, refuseSignup } of pages) {
      const context = await browser.newContext();
      const page = await context.newPage();
      let sizes: Promise<number>[] = [];
      page.on("response", (res: Response) => {
        if (res.request().resourceType() === "script")
          sizes.push(
            res.body().then(
              (b) => gzipSync(b, { level: 9 }).length,
              () => 0,
            ),
          );
      });
      await page.goto(base + path, { waitUntil: "networkidle" });
      if (refuseSignup) {
        // The page the server answers a sign-up it refused with (an email it cannot take): what it loads.
        sizes = [];
        await page.getByRole("textbox", { name: "Name or nickname" }).fill("Bench");
        await page.getByRole("textbox", { name: "Email", exact: true }).fill("not-an-email");
        await Promise.all([page.waitForNavigation({ waitUntil: "networkidle" }), page.getByRole("button", { name: "Sign up" }).click()]);
      }
      const bytes = await Promise.all(sizes);
      const inline = await page.evaluate(() => [...document.querySelectorAll("script:not([src])")].map((s) => s.textContent ?? "").join(""));
      out.push({
        page: name,
        path,
        files: bytes.length,
        gzipKb: bytes.reduce((a, b) => a + b, 0) / 1024,
        inlineKb: inline ? gzipSync(inline, { level: 9 }).length / 1024 : 0,
      });
      await context.close();
    }
    return out;
  } finally {
    await browser.close();
  }
}
