"use client";
import { Loader2, Wand2 } from "lucide-react";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { useFormStatus } from "react-dom";
import { FormOutcome } from "@/components/dashboard/form-outcome";
import { useFormKey } from "@/components/dashboard/use-form-key";
import { buttonClass } from "@/components/ui/button";
import { TextAreaField, TextField } from "@/components/ui/field";
import { useMessageText } from "@/components/ui/message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ArticleFields } from "@/lib/articles/types";
import { fieldError, idle, keptValue, type FormAction, type FormState } from "@/lib/forms";

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

const filled = (state: FormState, name: string) => (state.status === "ok" ? state.data?.[name] : undefined);

/** Adds an article (no `article`) or edits one. Works without JavaScript. */
export function ArticleForm({ action, org, article }: { action: FormAction; org: string; article?: ArticleValues }) {
  const t = useTranslations("articles.dashboard.form");
  const msg = useMessageText();
  const [state, formAction] = useActionState(action, idle);
  const formKey = useFormKey(state);
  const value = (name: keyof ArticleValues) => keptValue(state, name) ?? filled(state, name) ?? String(article?.[name] ?? "");
  const error = (name: string) => msg(fieldError(state, name));
  return (
    <form key={formKey} action={formAction} className="space-y-5" noValidate data-testid="article-form">
      <input type="hidden" name="org" value={org} />
      {article ? <input type="hidden" name="articleId" value={article.id} /> : null}
      <FormOutcome state={state} />
      <div className="space-y-2">
        <TextField
          name="url"
          type="url"
          inputMode="url"
          required
          label={t("url")}
          hint={t("urlHint")}
          placeholder="https://"
          defaultValue={value("url")}
          error={error("url")}
        />
        {article ? null : <FillButton />}
      </div>
      <TextField name="title" required maxLength={300} label={t("title")} defaultValue={value("title")} error={error("title")} />
      <div className="grid gap-5 sm:grid-cols-2">
        <TextField
          name="publication"
          maxLength={160}
          label={t("publication")}
          hint={t("publicationHint")}
          defaultValue={value("publication")}
          error={error("publication")}
        />
        <TextField name="author" maxLength={160} label={t("author")} defaultValue={value("author")} error={error("author")} />
        <TextField name="publishedOn" type="date" label={t("publishedOn")} defaultValue={value("publishedOn")} error={error("publishedOn")} />
        <TextField
          name="language"
          maxLength={20}
          autoCapitalize="none"
          spellCheck={false}
          label={t("language")}
          hint={t("languageHint")}
          defaultValue={value("language")}
          error={error("language")}
        />
      </div>
      <TextAreaField
        name="excerpt"
        rows={4}
        maxLength={2000}
        label={t("excerpt")}
        hint={t("excerptHint")}
        defaultValue={value("excerpt")}
        error={error("excerpt")}
      />
      <TextAreaField name="body" rows={8} label={t("body")} hint={t("bodyHint")} defaultValue={value("body")} error={error("body")} />
      <SubmitButton pendingLabel={article ? t("saving") : t("creating")}>{article ? t("save") : t("create")}</SubmitButton>
    </form>
  );
}
