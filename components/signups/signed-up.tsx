import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import type { SignupMode } from "@/lib/signups/schemas";

type Outcome = "confirmed" | "waitlisted" | "requested";

/**
 * What the reader sees after signing up. It says the same whether or not the address was signed up already,
 * and what truly happens next: the private link reaches the address by email, and only by email. A nickname
 * without an address gets its link here, once, with what losing it means; a headcount is told nothing was kept.
 */
export function SignedUp({
  outcome,
  position,
  mailWorks,
  mode = "named",
  link,
  newTab = false,
}: {
  outcome: Outcome;
  position: number;
  mailWorks: boolean;
  mode?: SignupMode;
  link?: string;
  /** Opens the private link in a new tab: from an embed, whose frame the private page refuses. */
  newTab?: boolean;
}) {
  const t = useTranslations("signups.done");
  const title =
    outcome === "confirmed"
      ? t(mode === "headcount" ? "countedTitle" : "confirmedTitle")
      : outcome === "requested"
        ? t("requestedTitle")
        : t("waitlistedTitle", { position });
  const explained = outcome === "waitlisted" ? t("waitlistExplained") : outcome === "requested" ? t("requestedExplained") : null;
  return (
    <div className="mt-4 space-y-3" data-testid="signed-up">
      <Alert tone={outcome === "confirmed" ? "success" : "warning"} title={title}>
        {explained ? <p>{explained}</p> : null}
        {mode === "headcount" ? (
          <p className={explained ? "mt-2" : undefined}>{t("countedExplained")}</p>
        ) : mode === "named" ? (
          <p className={explained ? "mt-2" : undefined}>{mailWorks ? t("linkByEmail") : t("linkHeld")}</p>
        ) : null}
      </Alert>
      {mode === "named" && mailWorks ? <p className="text-sm text-stone-700">{t("noEmail")}</p> : null}
      {mode === "pseudonymous" ? (
        link ? (
          <div className="rounded-md border-2 border-amber-500 bg-amber-50 p-4" data-testid="shown-link">
            <p className="font-semibold">{t("linkOnceTitle")}</p>
            <p className="mt-1 text-sm">{t("linkOnce")}</p>
            <p className="mt-3 rounded bg-white p-2 font-mono text-sm break-all ring-1 ring-stone-300">
              <a href={link} className="text-brand-700 underline" {...(newTab ? { target: "_blank", rel: "noopener" } : {})}>
                {link}
              </a>
            </p>
          </div>
        ) : (
          <p className="text-sm text-stone-700">{t("linkShownBefore")}</p>
        )
      ) : null}
    </div>
  );
}
