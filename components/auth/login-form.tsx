"use client";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useForm } from "@/components/ui/use-form";
import { OtherWayLink } from "@/components/auth/other-way-link";
import { PasskeyLogin } from "@/components/auth/passkey-login";
import type { PublicKeyCredentialRequestOptionsJSON } from "@simplewebauthn/browser";
import type { FormAction } from "@/lib/forms";
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
  const { state, formAction, field, error } = useForm(action);
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <FormError state={state} />
      {next ? <input type="hidden" name="next" value={next} /> : null}
      <TextField {...field("email")} type="email" autoComplete="username" required label={t("email")} />
      <TextField name="password" type="password" autoComplete="current-password" required label={t("password")} error={error("password")} />
      <TextField
        name="code"
        autoComplete="one-time-code"
        inputMode="text"
        spellCheck={false}
        maxLength={40}
        label={t("code")}
        hint={t("codeHint")}
        error={error("code")}
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
      <OtherWayLink lead={t("noAccount")} label={t("register")} path="/register" next={next} />
    </form>
  );
}
