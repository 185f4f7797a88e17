"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormOutcome } from "@/components/dashboard/form-outcome";
import { useFormKey } from "@/components/dashboard/use-form-key";
import { SelectField, TextField } from "@/components/ui/field";
import { HiddenFields } from "@/components/ui/hidden-fields";
import { SubmitButton } from "@/components/ui/submit-button";
import { useForm } from "@/components/ui/use-form";
import { idle, type FormAction } from "@/lib/forms";

export interface TargetOption {
  value: string;
  label: string;
}

export interface TargetGroup {
  label: string;
  options: TargetOption[];
}

/** Links the article to a campaign or an event, optionally at a place in the order. */
export function LinkArticleForm({ action, org, articleId, groups }: { action: FormAction; org: string; articleId: string; groups: TargetGroup[] }) {
  const t = useTranslations("articles.dashboard.links");
  const { state, formAction, field, value } = useForm(action);
  const formKey = useFormKey(state);
  return (
    <form key={formKey} action={formAction} className="space-y-4" noValidate data-testid="link-form">
      <HiddenFields values={{ org, articleId }} />
      <FormOutcome state={state} />
      <SelectField {...field("target")} id="link-target" required label={t("target")} defaultValue={value("target") ?? ""}>
        <option value="">{t("chooseTarget")}</option>
        {groups.map((g) => (
          <optgroup key={g.label} label={g.label}>
            {g.options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </optgroup>
        ))}
      </SelectField>
      <div className="max-w-xs">
        <TextField {...field("position")} id="link-position" inputMode="numeric" label={t("position")} hint={t("positionHint")} />
      </div>
      <SubmitButton pendingLabel={t("adding")}>{t("add")}</SubmitButton>
    </form>
  );
}

/** One link: its place in the order, and a way to remove it. */
export function LinkRow({
  positionAction,
  unlinkAction,
  org,
  link,
  label,
}: {
  positionAction: FormAction;
  unlinkAction: FormAction;
  org: string;
  link: { id: string; position: number | null };
  label: string;
}) {
  const t = useTranslations("articles.dashboard.links");
  const { state, formAction, field } = useForm(positionAction, { values: link });
  const [unlinkState, unlinkFormAction] = useActionState(unlinkAction, idle);
  const formKey = useFormKey(state);
  const id = `position-${link.id}`;
  return (
    <li className="flex flex-col gap-2 py-3 sm:flex-row sm:items-end sm:justify-between" data-testid="article-link">
      <form key={formKey} action={formAction} className="flex flex-wrap items-end gap-2" noValidate>
        <HiddenFields values={{ org, linkId: link.id }} />
        <div className="w-24">
          <TextField {...field("position")} id={id} inputMode="numeric" label={t("position")} />
        </div>
        <SubmitButton variant="secondary" pendingLabel={t("saving")}>
          {t("save")}
        </SubmitButton>
        <span className="self-center text-sm">{label}</span>
        <FormOutcome state={state} />
      </form>
      <form action={unlinkFormAction}>
        <HiddenFields values={{ org, linkId: link.id }} />
        <FormOutcome state={unlinkState} />
        <SubmitButton variant="secondary" pendingLabel={t("unlinking")}>
          {t("unlink")}
        </SubmitButton>
      </form>
    </li>
  );
}
