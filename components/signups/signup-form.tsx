import { useTranslations } from "next-intl";
import { SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { useFormFields } from "@/components/ui/form-fields";
import { Options } from "@/components/ui/options";
import { SubmitButton } from "@/components/ui/submit-button";
import { idle, type FormState } from "@/lib/forms";
import { FormError } from "@/components/ui/form-error";
import type { SignupMode } from "@/lib/signups/schemas";
import { ShiftChoices } from "@/components/shifts/shift-choices";
import type { PublicShift } from "@/lib/shifts/public";

/**
 * A plain form that posts to `action` (app/(public)/c/[campaign]/[event]/signup/route.ts): the server answers
 * with a redirect to the outcome, or back to this page with `state` (the messages next to the fields and what was
 * typed). The page's script focuses the first field to fix and marks the button busy; nothing else needs it.
 */
export function SignupForm({
  action,
  state = idle,
  roles,
  waitlist,
  approval = false,
  mode = "named",
  retentionDays,
  shifts = [],
  shiftWaitlist = false,
  timeZone = "UTC",
}: {
  action: string;
  state?: FormState;
  roles: string[];
  waitlist: boolean;
  /** Each sign-up waits for the organisers' approval. */
  approval?: boolean;
  /** What the event asks for: a name and an email, a nickname only, or nothing (a headcount). */
  mode?: SignupMode;
  retentionDays: number;
  /** An event split into shifts: the shifts to choose from, shown at the place's time. */
  shifts?: PublicShift[];
  /** Whether a full shift takes people on its waitlist (the event keeps waitlists and asks for more than a headcount). */
  shiftWaitlist?: boolean;
  timeZone?: string;
}) {
  const t = useTranslations("signups.form");
  const { field, value, checked, error } = useFormFields(state);
  const named = mode === "named";
  const submit = mode === "headcount" ? t("submitHeadcount") : approval ? t("submitRequest") : waitlist ? t("submitWaitlist") : t("submit");
  return (
    <form method="post" action={action} className="space-y-4" noValidate aria-describedby="signup-privacy">
      <FormError state={state} />
      {/* Which form this is, so the post is read with its own checks (the server holds it against the event's). */}
      <input type="hidden" name="mode" value={mode} />
      {shifts.length ? (
        <ShiftChoices shifts={shifts} timeZone={timeZone} chosen={String(value("shifts") ?? "").split(" ")} error={error("shifts")} waitlist={shiftWaitlist} />
      ) : null}
      {mode === "pseudonymous" ? (
        <TextField {...field("name")} autoComplete="off" required maxLength={60} label={t("nickname")} hint={t("nicknameHint")} />
      ) : named ? (
        <>
          <TextField {...field("name")} autoComplete="nickname" required label={t("name")} hint={t("nameHint")} />
          <TextField {...field("email")} type="email" autoComplete="email" inputMode="email" required label={t("email")} hint={t("emailHint")} />
          <TextField {...field("phone")} type="tel" autoComplete="tel" label={t("phone")} hint={t("phoneHint")} />
        </>
      ) : null}
      {mode !== "headcount" && roles.length ? (
        <SelectField {...field("role")} label={t("role")} defaultValue={value("role") ?? ""}>
          <Options values={roles} blank={t("noRole")} />
        </SelectField>
      ) : null}
      {mode !== "headcount" ? <TextAreaField {...field("comment")} rows={3} maxLength={1000} label={t("comment")} hint={t("commentHint")} /> : null}
      {named ? (
        <div className="flex items-start gap-3">
          <input id="consent" name="consent" type="checkbox" defaultChecked={checked("consent")} className="mt-1 size-5 accent-brand-700" />
          <label htmlFor="consent" className="text-sm text-stone-800">
            {t("consent")}
          </label>
        </div>
      ) : null}
      {/* Hidden from people and assistive technology; bots fill it. */}
      <div aria-hidden="true" className="absolute -left-[9999px] h-px w-px overflow-hidden">
        <label htmlFor="website">{t("honeypot")}</label>
        <input id="website" name="website" type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
      </div>
      <SubmitButton pendingLabel={t("submitting")} className="w-full sm:w-auto">
        {submit}
      </SubmitButton>
      <p id="signup-privacy" className="text-sm text-stone-600">
        {mode === "headcount" ? t("privacyHeadcount") : t("privacy", { days: retentionDays })}
      </p>
    </form>
  );
}
