"use client";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { TextField } from "@/components/ui/field";
import { useMessageText } from "@/components/ui/message";
import { SubmitButton } from "@/components/ui/submit-button";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/password-rules";
import { fieldError, idle, keptValue, type FormAction } from "@/lib/forms";
import { FormError } from "@/components/ui/form-error";

export function RegisterForm({ action, next, email }: { action: FormAction; next?: string; email?: string }) {
  const t = useTranslations("auth.register");
  const msg = useMessageText();
  const [state, formAction] = useActionState(action, idle);
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <FormError state={state} />
      {next ? <input type="hidden" name="next" value={next} /> : null}
      <TextField
        name="name"
        autoComplete="name"
        required
        label={t("name")}
        hint={t("nameHint")}
        defaultValue={keptValue(state, "name")}
        error={msg(fieldError(state, "name"))}
      />
      <TextField
        name="email"
        type="email"
        autoComplete="email"
        required
        label={t("email")}
        defaultValue={keptValue(state, "email") ?? email}
        error={msg(fieldError(state, "email"))}
      />
      <TextField
        name="password"
        type="password"
        autoComplete="new-password"
        required
        minLength={MIN_PASSWORD_LENGTH}
        label={t("password")}
        hint={t("passwordHint", { min: MIN_PASSWORD_LENGTH })}
        error={msg(fieldError(state, "password"), { min: MIN_PASSWORD_LENGTH })}
      />
      <SubmitButton pendingLabel={t("submitting")} className="w-full">
        {t("submit")}
      </SubmitButton>
      <p className="text-sm text-stone-700">
        {t("haveAccount")}{" "}
        <Link className="text-brand-700 underline" href={next ? `/login?next=${encodeURIComponent(next)}` : "/login"}>
          {t("logIn")}
        </Link>
      </p>
    </form>
  );
}
