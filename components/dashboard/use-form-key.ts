"use client";
import { useState } from "react";
import type { FormState } from "@/lib/forms";

/**
 * A key that changes with every action result. React resets a form after its action, which
 * puts selects back to their first default and drops controlled values; remounting the form
 * with the kept values (or the saved ones) shows what was actually submitted.
 */
export function useFormKey(state: FormState): number {
  const [seen, setSeen] = useState({ state, key: 0 });
  if (seen.state !== state) {
    const next = { state, key: seen.key + 1 };
    setSeen(next);
    return next.key;
  }
  return seen.key;
}
