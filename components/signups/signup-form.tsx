"use client";
import { usePublicMessage, useTexts } from "@/components/public/texts";
import { useActionState, useEffect, useRef } from "react";
import { Alert } from "@/components/ui/alert";
import { SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { fieldError, idle, keptValue, type FormAction } from "@/lib/forms";

/**
 * Works without JavaScript: the form posts to the server action and the server renders the
 * outcome. With JavaScript the same action runs in place, keeping what was typed.
 */
export function SignupForm({
  action,
  campaign,
  event,
  roles,
  waitlist,
  privacy,
}: {
  action: FormAction;
  campaign: string;
  event: string;
  roles: string[];
  waitlist: boolean;
  /** Who sees the details and when they are erased: formatted by the server (it has a plural). */
  privacy: string;
}) {
  const t = useTexts("signups.form");
  const msg = usePublicMessage();
  const [state, formAction] = useActionState(action, idle);
  const form = useRef<HTMLFormElement>(null);
  // After a refused submission, focus goes to the first field to fix (its message is read with it).
  useEffect(() => {
    if (state.status === "error") form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [state]);
  const err = (name: string) => msg(fieldError(state, name));
  return (
    <form ref={form} action={formAction} className="space-y-4" noValidate aria-describedby="signup-privacy">
      {state.status === "error" && state.formError ? <Alert tone="error">{msg(state.formError)}</Alert> : null}
      <input type="hidden" name="campaign" value={campaign} />
      <input type="hidden" name="event" value={event} />
      <TextField
        name="name"
        autoComplete="nickname"
        required
        label={t("name")}
        hint={t("nameHint")}
        defaultValue={keptValue(state, "name")}
        error={err("name")}
      />
      <TextField
        name="email"
        type="email"
        autoComplete="email"
        inputMode="email"
        required
        label={t("email")}
        hint={t("emailHint")}
        defaultValue={keptValue(state, "email")}
        error={err("email")}
      />
      <TextField
        name="phone"
        type="tel"
        autoComplete="tel"
        label={t("phone")}
        hint={t("phoneHint")}
        defaultValue={keptValue(state, "phone")}
        error={err("phone")}
      />
      {roles.length ? (
        <SelectField name="role" label={t("role")} defaultValue={keptValue(state, "role") ?? ""} error={err("role")}>
          <option value="">{t("noRole")}</option>
          {roles.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </SelectField>
      ) : null}
      <TextAreaField
        name="comment"
        rows={3}
        maxLength={1000}
        label={t("comment")}
        hint={t("commentHint")}
        defaultValue={keptValue(state, "comment")}
        error={err("comment")}
      />
      <div className="flex items-start gap-3">
        <input id="consent" name="consent" type="checkbox" defaultChecked={keptValue(state, "consent") === "on"} className="mt-1 size-5 accent-brand-700" />
        <label htmlFor="consent" className="text-sm text-stone-800">
          {t("consent")}
        </label>
      </div>
      {/* Hidden from people and assistive technology; bots fill it. */}
      <div aria-hidden="true" className="absolute -left-[9999px] h-px w-px overflow-hidden">
        <label htmlFor="website">{t("honeypot")}</label>
        <input id="website" name="website" type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
      </div>
      <SubmitButton pendingLabel={t("submitting")} className="w-full sm:w-auto">
        {waitlist ? t("submitWaitlist") : t("submit")}
      </SubmitButton>
      <p id="signup-privacy" className="text-sm text-stone-600">
        {privacy}
      </p>
    </form>
  );
}
