"use client";
import { browserSupportsWebAuthn, startAuthentication } from "@simplewebauthn/browser";
import { useTranslations } from "next-intl";
import { useRef, useState, useSyncExternalStore } from "react";
import { noSubscription } from "@/components/ui/browser-only";
import { Button } from "@/components/ui/button";
import { sendPasskeyAnswer } from "./passkey-answer";
import type { PublicKeyCredentialRequestOptionsJSON } from "@simplewebauthn/browser";

type Problem = "passkeyCancelled" | "passkeyFirst" | "passkeyBusy";

/**
 * The login form's passkey, in place of a code: asks the server for a challenge, lets the browser sign it with a
 * passkey of this site, and sends the form with the answer. Passkeys need JavaScript; without it this says so, and
 * the form still logs in with a password and a code.
 */
export function PasskeyLogin({ options }: { options: () => Promise<PublicKeyCredentialRequestOptionsJSON | null> }) {
  const t = useTranslations("auth.login");
  // null on the server and without JavaScript; in the browser, whether it can do WebAuthn.
  const supported = useSyncExternalStore(noSubscription, browserSupportsWebAuthn, () => null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const answer = useRef<HTMLInputElement>(null);

  async function usePasskey() {
    const field = answer.current;
    const form = field?.form;
    if (!field || !form) return;
    const filled = ["email", "password"].every((name) => (form.elements.namedItem(name) as HTMLInputElement | null)?.value.trim());
    if (!filled) return setProblem("passkeyFirst");
    setProblem(null);
    setBusy(true);
    const outcome = await sendPasskeyAnswer(field, options, (optionsJSON) => startAuthentication({ optionsJSON }));
    setBusy(false);
    if (outcome !== "sent") setProblem(outcome === "refused" ? "passkeyBusy" : "passkeyCancelled");
  }

  return (
    <div className="rounded-md border border-stone-200 p-3" data-testid="passkey-login">
      <input ref={answer} type="hidden" name="passkey" defaultValue="" />
      {supported === null ? (
        <p className="text-sm text-stone-700">{t("passkeyNeedsJs")}</p>
      ) : supported ? (
        <>
          <p className="text-sm text-stone-700">{t("passkeyLead")}</p>
          <Button
            type="button"
            variant="secondary"
            className="mt-2 w-full"
            onClick={usePasskey}
            disabled={busy}
            aria-describedby={problem ? "passkey-problem" : undefined}
          >
            {busy ? t("passkeyWorking") : t("passkey")}
          </Button>
          {problem ? (
            <p id="passkey-problem" role="alert" className="mt-2 text-sm text-red-800">
              {t(problem)}
            </p>
          ) : null}
        </>
      ) : (
        <p className="text-sm text-stone-700">{t("passkeyUnsupported")}</p>
      )}
    </div>
  );
}
