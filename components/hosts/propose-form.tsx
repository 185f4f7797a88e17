import { useLocale, useTranslations } from "next-intl";
import { countryOptions, zoneOptions } from "@/components/events/zone-options";
import { SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { useFormFields } from "@/components/ui/form-fields";
import { FormError } from "@/components/ui/form-error";
import { Options } from "@/components/ui/options";
import { SubmitButton } from "@/components/ui/submit-button";
import { EVENT_KINDS } from "@/lib/events/schemas";
import { idle, type FormState } from "@/lib/forms";

/**
 * The public form "host an event": a plain post to app/(public)/c/[campaign]/host/propose/route.ts, answered with a
 * redirect to this page saying the link is in the inbox, or back to it with `state`. Works without JavaScript.
 */
export function ProposeForm({ action, state = idle }: { action: string; state?: FormState }) {
  const t = useTranslations("hosts.form");
  const tk = useTranslations("editor.eventKinds");
  const locale = useLocale();
  const { field } = useFormFields(state);
  return (
    <form method="post" action={action} className="space-y-4" noValidate aria-describedby="propose-privacy">
      <FormError state={state} />
      <TextField {...field("title")} required maxLength={160} label={t("title")} hint={t("titleHint")} />
      <SelectField {...field("kind")} required label={t("kind")}>
        <Options values={EVENT_KINDS} label={(k) => tk(k)} />
      </SelectField>
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField {...field("startsLocal")} type="datetime-local" required label={t("starts")} />
        <TextField {...field("endsLocal")} type="datetime-local" required label={t("ends")} />
      </div>
      <SelectField {...field("country")} required label={t("country")}>
        <option value="">{t("choose")}</option>
        {countryOptions(locale).map((c) => (
          <option key={c.code} value={c.code}>
            {c.name}
          </option>
        ))}
      </SelectField>
      <SelectField {...field("timeZone")} required label={t("timeZone")} hint={t("timeZoneHint")}>
        <Options values={zoneOptions()} blank={t("choose")} />
      </SelectField>
      <TextField {...field("city")} required maxLength={120} label={t("city")} />
      <TextField {...field("venue")} maxLength={200} label={t("venue")} hint={t("venueHint")} />
      <TextField {...field("address")} maxLength={300} label={t("address")} />
      <TextAreaField {...field("description")} rows={5} maxLength={5000} label={t("description")} hint={t("descriptionHint")} />
      <fieldset className="space-y-4 border-t border-stone-200 pt-4">
        <legend className="float-left mb-2 w-full font-semibold">{t("you")}</legend>
        <TextField {...field("name")} autoComplete="nickname" required maxLength={120} label={t("name")} hint={t("nameHint")} />
        <TextField {...field("email")} type="email" autoComplete="email" inputMode="email" required label={t("email")} hint={t("emailHint")} />
      </fieldset>
      {/* Hidden from people and assistive technology; bots fill it. */}
      <div aria-hidden="true" className="absolute -left-[9999px] h-px w-px overflow-hidden">
        <label htmlFor="website">{t("honeypot")}</label>
        <input id="website" name="website" type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
      </div>
      <SubmitButton pendingLabel={t("sending")} className="w-full sm:w-auto">
        {t("submit")}
      </SubmitButton>
      <p id="propose-privacy" className="text-sm text-stone-600">
        {t("privacy")}
      </p>
    </form>
  );
}
