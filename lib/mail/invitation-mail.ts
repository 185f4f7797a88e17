import "server-only";
import type { OrgRole } from "@/db/schema";
import { DEFAULT_LOCALE } from "@/lib/i18n/config";
import type { QueuedMail } from "./outbox";
import { compose, mailTranslator } from "./render";

export const invitationUrl = (origin: string, token: string) => `${origin}/invite/${token}`;

/** The invitation link, to the address the owner gave, in the language the owner chose (else the default). */
export function invitationMessage(invitation: {
  id: string;
  orgId: string;
  orgName: string;
  role: OrgRole;
  email: string;
  url: string;
  locale?: string;
}): QueuedMail {
  const locale = invitation.locale ?? DEFAULT_LOCALE;
  const t = mailTranslator(locale);
  const mail = compose(t("invitation.subject", { org: invitation.orgName }), [
    t("greetingAll"),
    t("invitation.body", { org: invitation.orgName, role: t(`roles.${invitation.role}`), url: invitation.url }),
    t("footerInvitation", { org: invitation.orgName }),
  ]);
  return { orgId: invitation.orgId, kind: "invitation", to: invitation.email, locale, mail, dedupeKey: `invitation:${invitation.id}` };
}
