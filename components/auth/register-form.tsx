"use client";
import { useTranslations } from "next-intl";
import { TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useForm } from "@/components/ui/use-form";
import { OtherWayLink } from "@/components/auth/other-way-link";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/password-rules";
import type { FormAction } from "@/lib/forms";
import { FormError } from "@/components/ui/form-error";

export function RegisterForm({ action, next, email }: { action: FormAction; next?: string; email?: string }) {
  const t = useTranslations("auth.register");
  const { state, formAction, field, value, error } = useForm(action);
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <FormError state={state} />
      {next ? <input type="hidden" name="next" value={next} /> : null}
      <TextField {...field("name")} autoComplete="name" required label={t("name")} hint={t("nameHint")} />
      <TextField {...field("email")} type="email" autoComplete="email" required label={t("email")} defaultValue={value("email") ?? email} />
      <TextField
        name="password"
        type="password"
        autoComplete="new-password"
        required
        minLength={MIN_PASSWORD_LENGTH}
        label={t("password")}
        hint={t("passwordHint", { min: MIN_PASSWORD_LENGTH })}
        error={error("password", { min: MIN_PASSWORD_LENGTH })}
      />
      <SubmitButton pendingLabel={t("submitting")} className="w-full">
        {t("submit")}
      </SubmitButton>
      <OtherWayLink lead={t("haveAccount")} label={t("logIn")} path="/login" next={next} />
    </form>
  );
}
