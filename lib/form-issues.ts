import "server-only";
import type { z } from "zod";
import type { MessageKey } from "@/lib/i18n/keys";
import { isMessageKey } from "@/lib/i18n/message-key";

/** The limit a "too long" or "too short" names: zod's own, or one a schema copied into its params (lib/events/schemas.ts). */
function issueLimit(issue: z.core.$ZodIssue): number | undefined {
  if (issue.code === "too_big" || issue.code === "too_small") {
    const limit = issue.code === "too_big" ? issue.maximum : issue.minimum;
    return typeof limit === "number" || typeof limit === "bigint" ? Number(limit) : undefined;
  }
  if (issue.code === "custom" && typeof issue.params?.limit === "number") return issue.params.limit;
  return undefined;
}

/**
 * A schema's issues as messages next to fields, for forms and JSON answers alike: the first issue of each
 * field, as a message key; "too long" and "too short" say by how much the field may be ("…Limit" keys with
 * the limit in messageValues).
 */
export function issueMessages(issues: readonly z.core.$ZodIssue[]): {
  fieldErrors: Record<string, MessageKey>;
  messageValues?: Record<string, Record<string, number>>;
} {
  const fieldErrors: Record<string, MessageKey> = {};
  const messageValues: Record<string, Record<string, number>> = {};
  for (const issue of issues) {
    const field = String(issue.path[0] ?? "_form");
    if (fieldErrors[field]) continue;
    // A schema names its messages by key; zod's own words (and a key that does not exist) are "invalid".
    const key: MessageKey = isMessageKey(issue.message) ? issue.message : "validation.invalid";
    const limit = key === "validation.tooLong" || key === "validation.tooShort" ? issueLimit(issue) : undefined;
    fieldErrors[field] = limit === undefined ? key : key === "validation.tooLong" ? "validation.tooLongLimit" : "validation.tooShortLimit";
    if (limit !== undefined) messageValues[field] = { limit };
  }
  return Object.keys(messageValues).length ? { fieldErrors, messageValues } : { fieldErrors };
}
