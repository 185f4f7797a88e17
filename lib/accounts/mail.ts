import "server-only";
import type { QueuedMail } from "@/lib/mail/outbox";
import { compose, mailTranslator } from "@/lib/mail/render";
import { siteOrigin } from "@/lib/mail/origin";

// Messages about a person's own account. They belong to no organisation (sealed with the accounts key, never
// in any mailbox); every link is made from PICKET_PUBLIC_URL alone.

export const registrationUrl = (token: string) => `${siteOrigin()}/register/confirm/${token}`;
export const resetUrl = (token: string) => `${siteOrigin()}/reset/${token}`;

export function registrationMessage(to: string, locale: string, token: string): QueuedMail {
  const t = mailTranslator(locale);
  const mail = compose(t("accountRegistration.subject"), [
    t("greetingAll"),
    t("accountRegistration.body", { url: registrationUrl(token) }),
    t("footerAccount"),
  ]);
  return { orgId: null, kind: "account_registration", to, locale, mail };
}

/** To an address that has an account already: the page said the same as for a new one; this tells the owner. */
export function registrationTakenMessage(to: string, locale: string): QueuedMail {
  const t = mailTranslator(locale);
  const mail = compose(t("accountRegistration.subject"), [
    t("greetingAll"),
    t("accountRegistration.taken", { login: `${siteOrigin()}/login`, reset: `${siteOrigin()}/reset` }),
    t("footerAccount"),
  ]);
  return { orgId: null, kind: "account_registration", to, locale, mail };
}

export function resetMessage(to: string, locale: string, token: string): QueuedMail {
  const t = mailTranslator(locale);
  const mail = compose(t("accountReset.subject"), [t("greetingAll"), t("accountReset.body", { url: resetUrl(token) }), t("footerAccount")]);
  return { orgId: null, kind: "account_reset", to, locale, mail };
}
