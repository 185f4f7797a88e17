"use client";
import { useTranslations } from "next-intl";
import { FormOutcome } from "@/components/dashboard/form-outcome";
import { useFormKey } from "@/components/dashboard/use-form-key";
import { buttonClass } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { HiddenFields } from "@/components/ui/hidden-fields";
import { Options } from "@/components/ui/options";
import { useForm } from "@/components/ui/use-form";
import type { FormAction } from "@/lib/forms";
import { AUDIENCES } from "@/lib/mail/schemas";

/**
 * Subject, text and who gets it; "Preview" shows the count and the email as it will be sent,
 * then "Send to N people" asks before sending. Plain form posts: works without JavaScript.
 */
export function AttendeeMessageForm({
  action,
  org,
  eventId,
  roles,
  nonce,
}: {
  action: FormAction;
  org: string;
  eventId: string;
  roles: string[];
  nonce: string;
}) {
  const t = useTranslations("attendeeMessages");
  // The fields show what was typed after an error or a preview; a send's answer carries none of them: a fresh form.
  const { state, formAction, field, value } = useForm(action, { fillFromData: true });
  const formKey = useFormKey(state);
  const preview = state.status === "ok" && state.data?.intent === "preview" ? state.data : null;
  const count = Number(state.status === "ok" ? (state.data?.count ?? 0) : 0);
  const formId = `attendee-message-${eventId}`;
  return (
    <form key={formKey} id={formId} action={formAction} className="space-y-4" noValidate data-testid="attendee-message-form">
      <HiddenFields values={{ org, eventId, nonce: value("nonce") ?? nonce }} />
      <FormOutcome state={state} values={{ count }} />
      <TextField {...field("subject")} label={t("subject")} maxLength={200} required />
      <TextAreaField {...field("body")} label={t("body")} hint={t("bodyHint")} rows={10} maxLength={10_000} required />
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField {...field("audience")} required label={t("audience")} defaultValue={value("audience") ?? "all"}>
          <Options values={AUDIENCES} label={(a) => t(`audiences.${a}`)} />
        </SelectField>
        {roles.length > 0 ? (
          <SelectField {...field("role")} label={t("role")} hint={t("roleHint")} defaultValue={value("role") ?? ""}>
            <Options values={roles} blank={t("anyRole")} />
          </SelectField>
        ) : null}
      </div>
      {/* First in the form: Enter in the subject previews, it never sends. */}
      <button type="submit" name="intent" value="preview" className={buttonClass("secondary")}>
        {t("preview")}
      </button>
      {preview ? (
        <section
          aria-labelledby={`${formId}-preview`}
          className="space-y-3 rounded-lg border border-stone-300 bg-stone-50 p-4"
          data-testid="attendee-message-preview"
        >
          <h2 id={`${formId}-preview`} className="text-lg font-semibold">
            {t("previewTitle")}
          </h2>
          <p className="font-medium" role="status" data-testid="attendee-message-count">
            {t("recipients", { count })}
          </p>
          <p className="text-sm text-stone-700">{t("previewSubject", { subject: preview.previewSubject ?? "" })}</p>
          <pre
            className="whitespace-pre-wrap break-words rounded-md border border-stone-200 bg-white p-4 font-sans text-sm text-stone-900"
            data-testid="attendee-message-text"
          >
            {preview.previewText}
          </pre>
          {count > 0 ? (
            <ConfirmButton
              formId={formId}
              name="intent"
              value="send"
              variant="primary"
              label={t("send", { count })}
              title={t("confirmTitle", { count })}
              body={t("confirmBody", { subject: preview.subject ?? "" })}
              confirmLabel={t("confirm")}
              cancelLabel={t("keep")}
            />
          ) : null}
        </section>
      ) : null}
    </form>
  );
}
