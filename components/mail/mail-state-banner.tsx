import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import type { MailState } from "@/lib/mail/mailbox";

/** On every dashboard page of owners and organizers while mail does not reach people. */
export async function MailStateBanner({ state, org, owner }: { state: MailState; org: string; owner: boolean }) {
  if (state === "working") return null;
  const t = await getTranslations("mailbox.banner");
  return (
    <div className="mb-6" data-testid="mail-state-banner">
      <Alert tone="warning" title={t(state === "off" ? "offTitle" : "failingTitle")}>
        <p>{t(state === "off" ? "off" : "failing")}</p>
        <p className="mt-1">
          {owner ? (
            <Link href={`/dashboard/${org}/mailbox`} className="font-medium underline underline-offset-2">
              {t("openMailbox")}
            </Link>
          ) : (
            t("askOwner")
          )}
        </p>
      </Alert>
    </div>
  );
}
