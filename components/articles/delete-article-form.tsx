"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormOutcome } from "@/components/dashboard/form-outcome";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { idle, type FormAction } from "@/lib/forms";

/** Deletes the article after saying where it is linked. */
export function DeleteArticleForm({
  action,
  org,
  articleId,
  title,
  linkedAt,
}: {
  action: FormAction;
  org: string;
  articleId: string;
  title: string;
  linkedAt: string[];
}) {
  const t = useTranslations("articles.dashboard.delete");
  const [state, formAction] = useActionState(action, idle);
  const formId = `delete-article-${articleId}`;
  return (
    <form id={formId} action={formAction} data-testid="delete-article-form">
      <input type="hidden" name="org" value={org} />
      <input type="hidden" name="articleId" value={articleId} />
      <FormOutcome state={state} />
      <ConfirmButton
        formId={formId}
        label={t("button")}
        title={t("confirmTitle", { title })}
        body={
          linkedAt.length ? (
            <>
              <p>{t("linkedAt")}</p>
              <ul className="mt-2 list-disc pl-5">
                {linkedAt.map((l) => (
                  <li key={l}>{l}</li>
                ))}
              </ul>
            </>
          ) : (
            <p>{t("unlinked")}</p>
          )
        }
        confirmLabel={t("confirm")}
        cancelLabel={t("keep")}
      />
    </form>
  );
}
