import "server-only";
import { handleForm } from "@/lib/actions";
import { getAuthSecret } from "@/lib/auth/secret";
import { PublicError } from "@/lib/errors";
import type { FormState } from "@/lib/forms";
import { findVisibleEvent } from "@/lib/events/public";
import { siteOrigin } from "@/lib/mail/origin";
import { localeFromHeaders } from "@/lib/i18n/config";
import { clientKey } from "@/lib/security/client";
import { keyedHash } from "@/lib/security/tokens";
import { signupSchemaFor, type SignupInput, type SignupMode } from "./schemas";
import { signUp, type SignUpResult } from "./signups";

/**
 * Whether a page of `origin` may send sign-ups to the campaign: this site, a site the campaign lists, or no
 * browser at all (a request without Origin, from a server or a script). Any other site is refused, so that no
 * page elsewhere can make its visitors' browsers sign people up.
 */
export function signupOriginAllowed(origin: string | null, campaignOrigins: string[]): boolean {
  return origin === null || origin === siteOrigin() || campaignOrigins.includes(origin);
}

/** The other site a browser's request comes from, when the campaign lets it send sign-ups; for the API's CORS answer. */
export async function crossSiteSignupOrigin(campaignSlug: string, eventSlug: string, origin: string | null): Promise<string | null> {
  if (!origin || origin === siteOrigin()) return null;
  const found = await findVisibleEvent(campaignSlug, eventSlug);
  return found?.signupOrigins.includes(origin) ? origin : null;
}

/**
 * Which form a post was filled in (the form says, in a hidden field; a JSON body by the fields it has): only to
 * read it, with no query before it is checked. signUp holds it against what the event asks for under its lock.
 */
export function postedSignupMode(fields: { mode?: unknown; email?: unknown; name?: unknown }): SignupMode {
  if (fields.mode === "named" || fields.mode === "pseudonymous" || fields.mode === "headcount") return fields.mode;
  return fields.email !== undefined ? "named" : fields.name !== undefined ? "pseudonymous" : fields.mode === undefined ? "headcount" : "named";
}

/** The name of the cookie by which a browser is counted once for a headcount event: it names no event to a reader of the phone. */
const countedCookieName = (eventId: string) => `picket-counted-${keyedHash(`${getAuthSecret()}:counted`, eventId).slice(0, 16)}`;

/** Kept by the browser until the event ends, sent back with its sign-ups only to this server. */
export function countedCookie(eventId: string, counted: { token: string; until: Date }, secure: boolean, now = new Date()): string {
  const seconds = Math.max(60, Math.ceil((counted.until.getTime() - now.getTime()) / 1000));
  return `${countedCookieName(eventId)}=${counted.token}; Path=/; Max-Age=${seconds}; HttpOnly; SameSite=Lax${secure ? "; Secure" : ""}`;
}

/**
 * A sign-up arriving over the web (the form or the JSON API): the public event by its address, the client by its
 * hashed address, and for a headcount the token this browser was counted with before (`cookie` reads one).
 */
export async function signUpAtPublicEvent(
  campaignSlug: string,
  eventSlug: string,
  input: SignupInput,
  headers: Headers,
  cookie: (name: string) => string | undefined = () => undefined,
): Promise<SignUpResult & { eventId: string }> {
  // signUp checks the campaign's status and the event's availability again, under the event's lock.
  const found = await findVisibleEvent(campaignSlug, eventSlug);
  if (!found) throw new PublicError("errors.notFound");
  if (!signupOriginAllowed(headers.get("origin"), found.signupOrigins)) throw new PublicError("signups.originRefused");
  const counted = found.signupMode === "headcount" ? (cookie(countedCookieName(found.id)) ?? null) : null;
  const result = await signUp(found.id, input, { client: clientKey(headers, getAuthSecret()), locale: localeFromHeaders(headers), counted });
  return { ...result, eventId: found.id };
}

/**
 * A sign-up form's post, from the event page or from its embed: the fields read as the form sends them (an event
 * split into shifts has a box per shift, read as one field), checked with the form's own schema, then signed up
 * as above. Either the sign-up, or the refused form with its messages and what was typed.
 */
export async function signUpWithForm(
  campaignSlug: string,
  eventSlug: string,
  form: FormData,
  headers: Headers,
  cookie: (name: string) => string | undefined = () => undefined,
): Promise<{ done: SignUpResult & { eventId: string } } | { refused: FormState }> {
  const shifts = form.getAll("shift").filter((v) => typeof v === "string");
  form.delete("shift");
  if (shifts.length) form.set("shifts", shifts.join(" "));
  const schema = signupSchemaFor(postedSignupMode({ mode: form.get("mode") ?? "named" }));
  const signed: { result?: SignUpResult & { eventId: string } } = {};
  const state = await handleForm(schema, form, async (data) => {
    signed.result = await signUpAtPublicEvent(campaignSlug, eventSlug, data, headers, cookie);
  });
  return signed.result ? { done: signed.result } : { refused: state };
}

/** Where the form's reader goes after signing up: the event's page, saying what happened and where the private link is. */
export function signedUpAddress(locale: string, campaignSlug: string, eventSlug: string, result: SignUpResult): string {
  return `/${locale}/c/${encodeURIComponent(campaignSlug)}/${encodeURIComponent(eventSlug)}?${signedUpQuery(result)}#signup`;
}

/** What the page after a sign-up is told of it: the outcome (and a waitlist's place), the same for everyone, nothing personal. */
export function signedUpQuery(result: SignUpResult): string {
  return result.outcome === "waitlisted" ? `signup=waitlisted&position=${result.position}` : `signup=${result.outcome}`;
}

/** The JSON API's answer: the same for a first sign-up, a repeated one and a bot's. A pseudonymous one carries its private link. */
export function signedUpBody(result: SignUpResult) {
  const link = result.link ? { privateLink: `${siteOrigin()}/s/${result.link}` } : {};
  return result.outcome === "waitlisted" ? { status: "waitlisted" as const, position: result.position, ...link } : { status: result.outcome, ...link };
}
