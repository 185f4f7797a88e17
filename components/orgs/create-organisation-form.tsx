"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { TextField } from "@/components/ui/field";
import { useMessageText } from "@/components/ui/message";
import { SubmitButton } from "@/components/ui/submit-button";
import { fieldError, idle, keptValue, type FormAction } from "@/lib/forms";
import { FormError } from "@/components/ui/form-error";

export function CreateOrganisationForm({ action }: { action: FormAction }) {
  const t = useTranslations("orgs.create");
  const msg = useMessageText();
  const [state, formAction] = useActionState(action, idle);
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <FormError state={state} />
      <TextField name="name" required label={t("name")} hint={t("nameHint")} defaultValue={keptValue(state, "name")} error={msg(fieldError(state, "name"))} />
      <TextField name="slug" label={t("slug")} hint={t("slugHint")} defaultValue={keptValue(state, "slug")} error={msg(fieldError(state, "slug"))} />
      <SubmitButton pendingLabel={t("submitting")}>{t("submit")}</SubmitButton>
    </form>
  );
}
