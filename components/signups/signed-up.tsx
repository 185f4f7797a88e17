import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";

/**
 * What the reader sees after signing up. It says the same whether or not the address was signed up already,
 * and what truly happens next: the private link reaches the address by email, and only by email.
 */
export function SignedUp({ outcome, position, mailWorks }: { outcome: "confirmed" | "waitlisted"; position: number; mailWorks: boolean }) {
  const t = useTranslations("signups.done");
  return (
    <div className="mt-4 space-y-3" data-testid="signed-up">
      <Alert tone={outcome === "confirmed" ? "success" : "warning"} title={outcome === "confirmed" ? t("confirmedTitle") : t("waitlistedTitle", { position })}>
        {outcome === "waitlisted" ? <p>{t("waitlistExplained")}</p> : null}
        <p className={outcome === "waitlisted" ? "mt-2" : undefined}>{mailWorks ? t("linkByEmail") : t("linkHeld")}</p>
      </Alert>
      {mailWorks ? <p className="text-sm text-stone-700">{t("noEmail")}</p> : null}
    </div>
  );
}
