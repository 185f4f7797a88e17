import "server-only";
import { getAuthSecret } from "@/lib/auth/secret";
import { PublicError } from "@/lib/errors";
import { getPublicEvent } from "@/lib/events/public";
import { pickLocale } from "@/lib/i18n/config";
import { clientKey } from "@/lib/security/client";
import type { SignupInput } from "./schemas";
import { signUp } from "./signups";

/** A sign-up arriving over the web (the form or the JSON API): the public event by its address, the client by its hashed address. */
export async function signUpAtPublicEvent(campaignSlug: string, eventSlug: string, input: SignupInput, headers: Headers) {
  const found = await getPublicEvent(campaignSlug, eventSlug);
  if (!found) throw new PublicError("errors.notFound");
  return signUp(found.event.id, input, { client: clientKey(headers, getAuthSecret()), locale: pickLocale(headers.get("accept-language")) });
}
