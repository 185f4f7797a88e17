"use client";
import { Loader2, Wand2 } from "lucide-react";
import { useTranslations } from "next-intl";
import { useFormStatus } from "react-dom";
import { FormOutcome } from "@/components/dashboard/form-outcome";
import { useFormKey } from "@/components/dashboard/use-form-key";
import { buttonClass } from "@/components/ui/button";
import { TextAreaField, TextField } from "@/components/ui/field";
import { HiddenFields } from "@/components/ui/hidden-fields";
import { SubmitButton } from "@/components/ui/submit-button";
import { useForm } from "@/components/ui/use-form";
import type { ArticleFields } from "@/lib/articles/types";
import type { FormAction } from "@/lib/forms";

export interface ArticleValues extends ArticleFields {
  body: string;
}

/** The second submit button: asks the server to read the page at the address. */
function FillButton() {
  const t = useTranslations("articles.dashboard.form");
  const { pending, data } = useFormStatus();
  const filling = pending && data?.get("intent") === "fill";
  return (
    <button type="submit" name="intent" value="fill" formNoValidate disabled={pending} className={buttonClass("secondary")}>
      {filling ? <Loader2 aria-hidden className="size-4 animate-spin" /> : <Wand2 aria-hidden className="size-4" />}
      {filling ? t("filling") : t("fill")}
    </button>
  );
}

/** Adds an article (no `article`) or edits one. Works without JavaScript. */
export function ArticleForm({ action, org, article }: { action: FormAction; org: string; article?: ArticleValues }) {
  const t = useTranslations("articles.dashboard.form");
  // "Fill in" answers with what it read from the page, to show in the fields.
  const { state, formAction, field } = useForm<ArticleValues>(action, { values: article ?? {}, fillFromData: true });
  const formKey = useFormKey(state);
  return (
    <form key={formKey} action={formAction} className="space-y-5" noValidate data-testid="article-form">
      <HiddenFields values={{ org, articleId: article?.id }} />
      <FormOutcome state={state} />
      <div className="space-y-2">
        <TextField {...field("url")} type="url" inputMode="url" required label={t("url")} hint={t("urlHint")} placeholder="https://" />
        {article ? null : <FillButton />}
      </div>
      <TextField {...field("title")} required maxLength={300} label={t("title")} />
      <div className="grid gap-5 sm:grid-cols-2">
        <TextField {...field("publication")} maxLength={160} label={t("publication")} hint={t("publicationHint")} />
        <TextField {...field("author")} maxLength={160} label={t("author")} />
        <TextField {...field("publishedOn")} type="date" label={t("publishedOn")} />
        <TextField {...field("language")} maxLength={20} autoCapitalize="none" spellCheck={false} label={t("language")} hint={t("languageHint")} />
      </div>
      <TextAreaField {...field("excerpt")} rows={4} maxLength={2000} label={t("excerpt")} hint={t("excerptHint")} />
      <TextAreaField {...field("body")} rows={8} label={t("body")} hint={t("bodyHint")} />
      <SubmitButton pendingLabel={article ? t("saving") : t("creating")}>{article ? t("save") : t("create")}</SubmitButton>
    </form>
  );
}
