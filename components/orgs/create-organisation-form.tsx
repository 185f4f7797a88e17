"use client";
import { useTranslations } from "next-intl";
import { TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useForm } from "@/components/ui/use-form";
import type { FormAction } from "@/lib/forms";
import { FormError } from "@/components/ui/form-error";

export function CreateOrganisationForm({ action }: { action: FormAction }) {
  const t = useTranslations("orgs.create");
  const { state, formAction, field } = useForm(action);
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <FormError state={state} />
      <TextField {...field("name")} required label={t("name")} hint={t("nameHint")} />
      <TextField {...field("slug")} label={t("slug")} hint={t("slugHint")} />
      <SubmitButton pendingLabel={t("submitting")}>{t("submit")}</SubmitButton>
    </form>
  );
}
