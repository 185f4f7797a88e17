"use client";
import { Printer } from "lucide-react";
import { buttonClass } from "@/components/ui/button";

/** Opens the browser's print dialog; without JavaScript the browser's own Print does the same. */
export function PrintButton({ label }: { label: string }) {
  return (
    <button type="button" onClick={() => window.print()} className={buttonClass("secondary")}>
      <Printer aria-hidden className="size-4" />
      {label}
    </button>
  );
}
