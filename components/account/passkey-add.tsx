"use client";
import { browserSupportsWebAuthn, startRegistration, type PublicKeyCredentialCreationOptionsJSON } from "@simplewebauthn/browser";
import { useTranslations } from "next-intl";
import { useRef, useState, useSyncExternalStore } from "react";
import { RecoveryCodeList } from "@/components/account/action-form";
import { FormOutcome } from "@/components/dashboard/form-outcome";
import { noSubscription } from "@/components/ui/browser-only";
import { Button } from "@/components/ui/button";
import { sendPasskeyAnswer } from "@/components/auth/passkey-answer";
import { TextField } from "@/components/ui/field";
import { useForm } from "@/components/ui/use-form";
import type { FormAction } from "@/lib/forms";

/**
 * Adds a passkey: the browser creates it for the challenge the server gave, and the form sends the browser's answer
 * with the name typed. Needs JavaScript (WebAuthn is a browser API); without it the section says so.
 */
export function PasskeyAdd({ begin, action }: { begin: () => Promise<PublicKeyCredentialCreationOptionsJSON | null>; action: FormAction }) {
  const t = useTranslations("account");
  const { state, formAction, field } = useForm(action);
  // null on the server and without JavaScript; in the browser, whether it can do WebAuthn.
  const supported = useSyncExternalStore(noSubscription, browserSupportsWebAuthn, () => null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<"passkey.cancelled" | "passkey.failed" | null>(null);
  const answer = useRef<HTMLInputElement>(null);
  const codes = state.status === "ok" && state.data?.codes ? state.data.codes.split(" ") : null;

  async function create() {
    if (!answer.current) return;
    setProblem(null);
    setBusy(true);
    const outcome = await sendPasskeyAnswer(answer.current, begin, (optionsJSON) => startRegistration({ optionsJSON }));
    setBusy(false);
    if (outcome !== "sent") setProblem(outcome === "refused" ? "passkey.failed" : "passkey.cancelled");
  }

  if (supported === null) return <p className="text-sm text-stone-700">{t("passkey.needsJs")}</p>;
  if (!supported) return <p className="text-sm text-stone-700">{t("passkey.unsupported")}</p>;
  return (
    <form action={formAction} className="space-y-3" noValidate data-testid="passkey-add">
      <FormOutcome state={state} />
      <input ref={answer} type="hidden" name="response" defaultValue="" />
      {codes ? (
        <RecoveryCodeList codes={codes} title={t("recovery.title")} hint={t("recovery.keep")} />
      ) : (
        <>
          <TextField {...field("name")} label={t("passkey.name")} hint={t("passkey.nameHint")} maxLength={60} autoComplete="off" />
          <Button type="button" variant="secondary" onClick={create} disabled={busy}>
            {busy ? t("passkey.working") : t("passkey.add")}
          </Button>
          {problem ? (
            <p role="alert" className="text-sm text-red-800">
              {t(problem)}
            </p>
          ) : null}
        </>
      )}
    </form>
  );
}
