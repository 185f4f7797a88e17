import { expect, type Page } from "@playwright/test";

/** A 360-px phone: the narrowest screen Picket is made for. */
export const PHONE = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true };

/** Whether the page scrolls sideways: its scrolling width beyond the window's. */
export const scrollsSideways = (page: Page) => page.evaluate(() => document.scrollingElement!.scrollWidth > window.innerWidth);

/** Every name on the check-in list is shown whole: not cut, not clipped, not squeezed, inside the screen. */
export async function expectNamesInFull(page: Page, label = "") {
  const names = page.getByTestId("check-in-name");
  // The list comes from the live query after the page: give a busy server time.
  await expect(names.first(), label).toBeVisible({ timeout: 30_000 });
  const cut = await names.evaluateAll((els) =>
    els
      .filter((el) => {
        const box = el.getBoundingClientRect();
        return (
          el.scrollWidth > el.clientWidth + 1 ||
          el.scrollHeight > el.clientHeight + 1 ||
          box.width < 120 ||
          box.right > window.innerWidth ||
          getComputedStyle(el).textOverflow === "ellipsis"
        );
      })
      .map((el) => el.textContent),
  );
  expect(cut, `names cut ${label}`).toEqual([]);
}
