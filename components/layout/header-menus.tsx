"use client";
import { useEffect, useRef, type ReactNode } from "react";
import { splitLocalePath } from "@/lib/i18n/config";

/** Whether a form on the page holds something typed or chosen that was not there when the page came. */
function hasTypedInput(): boolean {
  for (const form of document.querySelectorAll("main form")) {
    for (const el of (form as HTMLFormElement).elements) {
      if (el instanceof HTMLInputElement) {
        if (
          el.type === "checkbox" || el.type === "radio"
            ? el.checked !== el.defaultChecked
            : el.type !== "hidden" && el.type !== "submit" && el.value !== el.defaultValue
        )
          return true;
      } else if (el instanceof HTMLTextAreaElement) {
        if (el.value !== el.defaultValue) return true;
      } else if (el instanceof HTMLSelectElement) {
        if ([...el.options].some((o) => o.selected !== o.defaultSelected)) return true;
      }
    }
  }
  return false;
}

/**
 * The header's menus (`<details>`, which open and close without JavaScript): with it, one open at a time,
 * Escape closes them (focus back on the menu's button), and so does a tap elsewhere. A language link goes to
 * the page one is on now (the header may have been rendered pages ago), and asks before leaving typed input.
 */
export function HeaderMenus({ children, className, leaveWarning }: { children: ReactNode; className?: string; leaveWarning: string }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const root = box.current;
    if (!root) return;
    const menus = () => [...root.querySelectorAll<HTMLDetailsElement>("details")];
    const onToggle = (e: Event) => {
      const opened = e.target as HTMLDetailsElement;
      if (opened.open) for (const d of menus()) if (d !== opened) d.open = false;
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== "Escape") return;
      for (const d of menus()) {
        if (!d.open) continue;
        d.open = false;
        d.querySelector("summary")?.focus();
      }
    };
    const onPointer = (e: PointerEvent) => {
      for (const d of menus()) if (d.open && !d.contains(e.target as Node)) d.open = false;
    };
    const onClick = (e: MouseEvent) => {
      const link = (e.target as Element).closest<HTMLAnchorElement>("a[data-locale-link]");
      if (!link) return;
      if (hasTypedInput() && !window.confirm(leaveWarning)) {
        e.preventDefault();
        return;
      }
      const { path } = splitLocalePath(window.location.pathname);
      link.href = `/${link.dataset.localeLink}${path === "/" ? "" : path}${window.location.search}`;
    };
    root.addEventListener("toggle", onToggle, true);
    root.addEventListener("click", onClick);
    document.addEventListener("keydown", onKey);
    document.addEventListener("pointerdown", onPointer);
    return () => {
      root.removeEventListener("toggle", onToggle, true);
      root.removeEventListener("click", onClick);
      document.removeEventListener("keydown", onKey);
      document.removeEventListener("pointerdown", onPointer);
    };
  }, [leaveWarning]);
  return (
    <div ref={box} className={className}>
      {children}
    </div>
  );
}
