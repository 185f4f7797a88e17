import "server-only";
import { getAuthSecret } from "@/lib/auth/secret";
import { seal, unseal } from "@/lib/security/seal";

// A pseudonymous sign-up has no address to send its private link to: the event page shows it, once. It travels
// from the form's post to that page (post, redirect, get) in a short-lived cookie, sealed with the server's secret:
// never in the address (logs, history), never stored on the server; the page that shows it forgets it.

export const SHOWN_LINK_COOKIE = "picket-link";
const PURPOSE = "pseudonymous-signup-link";
const MAX_AGE_SECONDS = 300;

interface Shown {
  /** The event page it belongs to: "campaign/event". */
  event: string;
  token: string;
}

export function shownLinkCookie(event: string, token: string, secure: boolean): string {
  const sealed = seal(getAuthSecret(), PURPOSE, JSON.stringify({ event, token } satisfies Shown));
  return `${SHOWN_LINK_COOKIE}=${sealed}; Path=/; Max-Age=${MAX_AGE_SECONDS}; HttpOnly; SameSite=Lax${secure ? "; Secure" : ""}`;
}

export function clearedShownLinkCookie(secure: boolean): string {
  return `${SHOWN_LINK_COOKIE}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax${secure ? "; Secure" : ""}`;
}

/** The private link's token the cookie carries for this event page, or null. */
export function readShownLink(cookieValue: string | undefined, event: string): string | null {
  const plain = unseal(getAuthSecret(), PURPOSE, cookieValue);
  if (!plain) return null;
  try {
    const shown = JSON.parse(plain) as Shown;
    return shown.event === event && typeof shown.token === "string" ? shown.token : null;
  } catch {
    return null;
  }
}
