import "server-only";
import { getAuthSecret } from "@/lib/auth/secret";
import type { FormState } from "@/lib/forms";
import { seal, unseal } from "@/lib/security/seal";

// A public form that was refused comes back as a page of its own (post, redirect, get), with the messages next to
// the fields and what was typed kept. Those travel in a short-lived cookie, sealed with the server's secret and
// readable by this server only: never in the address (logs, history), never stored on the server.

export const FORM_ECHO_COOKIE = "picket-form";
const PURPOSE = "public-form-echo";
const MAX_AGE_SECONDS = 300;
/** A browser keeps cookies up to about 4 KB: longer typed values are cut (the field says what was wrong). */
const MAX_VALUE = 1200;
const MAX_SEALED = 3800;

export type RefusedForm = Extract<FormState, { status: "error" }>;

interface Echo {
  /** The form it answers: "signup /c/x/y", "manage /s/…": shown only there. */
  form: string;
  state: RefusedForm;
}

/** The cookie that carries a refused form back to its page (for a Set-Cookie header). */
export function formEchoCookie(form: string, state: RefusedForm, secure: boolean): string {
  const values = Object.fromEntries(Object.entries(state.values).map(([k, v]) => [k, v.slice(0, MAX_VALUE)]));
  let sealed = seal(getAuthSecret(), PURPOSE, JSON.stringify({ form, state: { ...state, values } } satisfies Echo));
  if (sealed.length > MAX_SEALED) sealed = seal(getAuthSecret(), PURPOSE, JSON.stringify({ form, state: { ...state, values: {} } } satisfies Echo));
  return `${FORM_ECHO_COOKIE}=${sealed}; Path=/; Max-Age=${MAX_AGE_SECONDS}; HttpOnly; SameSite=Lax${secure ? "; Secure" : ""}`;
}

/** The Set-Cookie header that forgets it, once its page has shown it. */
export function clearedFormEchoCookie(secure: boolean): string {
  return `${FORM_ECHO_COOKIE}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax${secure ? "; Secure" : ""}`;
}

/** The refused form the cookie carries for `form`, or null (none, another form's, altered or sealed with another secret). */
export function readFormEcho(cookieValue: string | undefined, form: string): RefusedForm | null {
  const plain = unseal(getAuthSecret(), PURPOSE, cookieValue);
  if (!plain) return null;
  try {
    const echo = JSON.parse(plain) as Echo;
    return echo.form === form && echo.state?.status === "error" ? echo.state : null;
  } catch {
    return null;
  }
}
