"use client";
import { useTranslations } from "next-intl";
import { FormOutcome } from "@/components/dashboard/form-outcome";
import { useFormKey } from "@/components/dashboard/use-form-key";
import { TextField } from "@/components/ui/field";
import { HiddenFields } from "@/components/ui/hidden-fields";
import { SubmitButton } from "@/components/ui/submit-button";
import { useForm } from "@/components/ui/use-form";
import type { FormAction } from "@/lib/forms";
import { CountrySelect, useCountryZone, ZoneSelect } from "./place-fields";
import type { CountryOption } from "./zone-options";

export const DUPLICATE_PREFIX = "duplicate-";

/** The same event at the same local wall-clock times, in another city (a day of action). */
export function DuplicateEventForm({
  action,
  org,
  campaign,
  eventId,
  title,
  localTimes,
  countries,
  zones,
}: {
  action: FormAction;
  org: string;
  campaign: string;
  eventId: string;
  title: string;
  localTimes: string;
  countries: CountryOption[];
  zones: string[];
}) {
  const t = useTranslations("editor.duplicate");
  const tp = useTranslations("editor.event");
  const { state, formAction, field, value, error } = useForm(action, { prefix: DUPLICATE_PREFIX });
  const formKey = useFormKey(state);
  const { country, setCountry, zone, setZone } = useCountryZone(value("country") ?? "", value("timeZone") ?? "");
  const p = DUPLICATE_PREFIX;
  return (
    <form key={formKey} action={formAction} className="space-y-4" noValidate data-testid="duplicate-form">
      <HiddenFields values={{ org, campaign, eventId }} />
      <FormOutcome state={state} />
      <p className="text-sm text-stone-700">{t("lead", { times: localTimes })}</p>
      <CountrySelect name={`${p}country`} value={country} onChange={setCountry} countries={countries} error={error("country")} />
      <TextField {...field("city")} required maxLength={120} label={t("city")} />
      <ZoneSelect name={`${p}timeZone`} value={zone} onChange={setZone} zones={zones} error={error("timeZone")} hint={t("timeZoneHint")} />
      <TextField {...field("venue")} maxLength={200} label={tp("venue")} />
      <TextField {...field("address")} maxLength={300} label={tp("address")} />
      <TextField {...field("title")} maxLength={160} label={t("title")} hint={t("titleHint", { title })} />
      <SubmitButton variant="secondary" pendingLabel={t("submitting")}>
        {t("submit")}
      </SubmitButton>
    </form>
  );
}
