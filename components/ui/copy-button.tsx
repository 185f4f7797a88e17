"use client";
import { Check, Copy } from "lucide-react";
import { useState, useSyncExternalStore } from "react";
import { noSubscription } from "./browser-only";
import { buttonClass } from "./button";

/**
 * Copies a text shown beside it (a link shown once). Rendered only where scripts run: without them the text
 * itself stays selectable, and nothing offers a button that cannot work.
 */
export function CopyButton({ value, label, copiedLabel, targetId }: { value: string; label: string; copiedLabel: string; targetId?: string }) {
  const scripted = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  const [copied, setCopied] = useState(false);
  if (!scripted) return null;
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
    } catch {
      // No clipboard access (an old browser, a refused permission): select the text for the reader to copy.
      const target = targetId ? document.getElementById(targetId) : null;
      if (target instanceof HTMLInputElement) target.select();
      return;
    }
    setCopied(true);
    setTimeout(() => setCopied(false), 4000);
  };
  return (
    <button type="button" onClick={copy} className={buttonClass("secondary")} aria-live="polite">
      {copied ? <Check aria-hidden className="size-4" /> : <Copy aria-hidden className="size-4" />}
      {copied ? copiedLabel : label}
    </button>
  );
}
