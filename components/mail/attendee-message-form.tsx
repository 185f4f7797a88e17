"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormOutcome } from "@/components/dashboard/form-outcome";
import { useFormKey } from "@/components/dashboard/use-form-key";
import { buttonClass } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { useMessageText } from "@/components/ui/message";
import { fieldError, idle, type FormAction, type FormState } from "@/lib/forms";
import { AUDIENCES } from "@/lib/mail/schemas";

/** What the fields show: the typed values after an error or a preview, nothing after a send. */
function shownValues(state: FormState): Record<string, string> {
  if (state.status === "error") return state.values;
  if (state.status === "ok" && state.data?.intent === "preview") return state.data;
  return {};
}

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
  const msg = useMessageText();
  const [state, formAction] = useActionState(action, idle);
  const formKey = useFormKey(state);
  const values = shownValues(state);
  const preview = state.status === "ok" && state.data?.intent === "preview" ? state.data : null;
  const count = Number(state.status === "ok" ? (state.data?.count ?? 0) : 0);
  const formId = `attendee-message-${eventId}`;
  return (
    <form key={formKey} id={formId} action={formAction} className="space-y-4" noValidate data-testid="attendee-message-form">
      <input type="hidden" name="org" value={org} />
      <input type="hidden" name="eventId" value={eventId} />
      <input type="hidden" name="nonce" value={(state.status === "ok" ? state.data?.nonce : undefined) ?? values.nonce ?? nonce} />
      <FormOutcome state={state} values={{ count }} />
      <TextField name="subject" label={t("subject")} maxLength={200} required defaultValue={values.subject} error={msg(fieldError(state, "subject"))} />
      <TextAreaField
        name="body"
        label={t("body")}
        hint={t("bodyHint")}
        rows={10}
        maxLength={10_000}
        required
        defaultValue={values.body}
        error={msg(fieldError(state, "body"))}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField name="audience" required label={t("audience")} defaultValue={values.audience ?? "all"} error={msg(fieldError(state, "audience"))}>
          {AUDIENCES.map((a) => (
            <option key={a} value={a}>
              {t(`audiences.${a}`)}
            </option>
          ))}
        </SelectField>
        {roles.length > 0 ? (
          <SelectField name="role" label={t("role")} hint={t("roleHint")} defaultValue={values.role ?? ""} error={msg(fieldError(state, "role"))}>
            <option value="">{t("anyRole")}</option>
            {roles.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
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
