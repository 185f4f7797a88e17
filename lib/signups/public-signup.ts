import "server-only";
import { getAuthSecret } from "@/lib/auth/secret";
import { PublicError } from "@/lib/errors";
import { findVisibleEventId } from "@/lib/events/public";
import { localeFromHeaders } from "@/lib/i18n/config";
import { clientKey } from "@/lib/security/client";
import type { SignupInput } from "./schemas";
import { signUp } from "./signups";

/** A sign-up arriving over the web (the form or the JSON API): the public event by its address, the client by its hashed address. */
export async function signUpAtPublicEvent(campaignSlug: string, eventSlug: string, input: SignupInput, headers: Headers) {
  // signUp checks the campaign's status and the event's availability again, under the event's lock.
  const eventId = await findVisibleEventId(campaignSlug, eventSlug);
  if (!eventId) throw new PublicError("errors.notFound");
  return signUp(eventId, input, { client: clientKey(headers, getAuthSecret()), locale: localeFromHeaders(headers) });
}
