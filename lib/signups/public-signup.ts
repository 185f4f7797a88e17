import "server-only";
import { getAuthSecret } from "@/lib/auth/secret";
import { PublicError } from "@/lib/errors";
import { findVisibleEvent } from "@/lib/events/public";
import { siteOrigin } from "@/lib/mail/origin";
import { localeFromHeaders } from "@/lib/i18n/config";
import { clientKey } from "@/lib/security/client";
import type { SignupInput } from "./schemas";
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

/** A sign-up arriving over the web (the form or the JSON API): the public event by its address, the client by its hashed address. */
export async function signUpAtPublicEvent(campaignSlug: string, eventSlug: string, input: SignupInput, headers: Headers): Promise<SignUpResult> {
  // signUp checks the campaign's status and the event's availability again, under the event's lock.
  const found = await findVisibleEvent(campaignSlug, eventSlug);
  if (!found) throw new PublicError("errors.notFound");
  if (!signupOriginAllowed(headers.get("origin"), found.signupOrigins)) throw new PublicError("signups.originRefused");
  const result = await signUp(found.id, input, { client: clientKey(headers, getAuthSecret()), locale: localeFromHeaders(headers) });
  return result;
}

/** Where the form's reader goes after signing up: the event's page, saying what happened and that the link is in their inbox. */
export function signedUpAddress(locale: string, campaignSlug: string, eventSlug: string, result: SignUpResult): string {
  const query = result.outcome === "waitlisted" ? `signup=waitlisted&position=${result.position}` : "signup=confirmed";
  return `/${locale}/c/${encodeURIComponent(campaignSlug)}/${encodeURIComponent(eventSlug)}?${query}#signup`;
}

/** The JSON API's answer: the same for a first sign-up, a repeated one and a bot's. */
export function signedUpBody(result: SignUpResult) {
  return result.outcome === "waitlisted" ? { status: "waitlisted" as const, position: result.position } : { status: "confirmed" as const };
}
