"use client";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { TextField } from "@/components/ui/field";
import { useMessageText } from "@/components/ui/message";
import { SubmitButton } from "@/components/ui/submit-button";
import { PasskeyLogin } from "@/components/auth/passkey-login";
import type { PublicKeyCredentialRequestOptionsJSON } from "@simplewebauthn/browser";
import { fieldError, idle, keptValue, type FormAction } from "@/lib/forms";
import { FormError } from "@/components/ui/form-error";

export function LoginForm({
  action,
  next,
  passkeyOptions,
}: {
  action: FormAction;
  next?: string;
  passkeyOptions: () => Promise<PublicKeyCredentialRequestOptionsJSON | null>;
}) {
  const t = useTranslations("auth.login");
  const msg = useMessageText();
  const [state, formAction] = useActionState(action, idle);
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <FormError state={state} />
      {next ? <input type="hidden" name="next" value={next} /> : null}
      <TextField
        name="email"
        type="email"
        autoComplete="username"
        required
        label={t("email")}
        defaultValue={keptValue(state, "email")}
        error={msg(fieldError(state, "email"))}
      />
      <TextField name="password" type="password" autoComplete="current-password" required label={t("password")} error={msg(fieldError(state, "password"))} />
      <TextField
        name="code"
        autoComplete="one-time-code"
        inputMode="text"
        spellCheck={false}
        maxLength={40}
        label={t("code")}
        hint={t("codeHint")}
        error={msg(fieldError(state, "code"))}
      />
      <PasskeyLogin options={passkeyOptions} />
      <SubmitButton pendingLabel={t("submitting")} className="w-full">
        {t("submit")}
      </SubmitButton>
      <p className="text-sm text-stone-700">
        <Link className="text-brand-700 underline" href="/reset">
          {t("forgot")}
        </Link>
      </p>
      <p className="text-sm text-stone-700">
        {t("noAccount")}{" "}
        <Link className="text-brand-700 underline" href={next ? `/register?next=${encodeURIComponent(next)}` : "/register"}>
          {t("register")}
        </Link>
      </p>
    </form>
  );
}
