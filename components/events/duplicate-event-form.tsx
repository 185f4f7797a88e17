"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormOutcome } from "@/components/dashboard/form-outcome";
import { useFormKey } from "@/components/dashboard/use-form-key";
import { TextField } from "@/components/ui/field";
import { useMessageText } from "@/components/ui/message";
import { SubmitButton } from "@/components/ui/submit-button";
import { fieldError, idle, keptValue, type FormAction } from "@/lib/forms";
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
  const msg = useMessageText();
  const [state, formAction] = useActionState(action, idle);
  const formKey = useFormKey(state);
  const { country, setCountry, zone, setZone } = useCountryZone(keptValue(state, "country") ?? "", keptValue(state, "timeZone") ?? "");
  const p = DUPLICATE_PREFIX;
  const error = (name: string) => msg(fieldError(state, name));
  return (
    <form key={formKey} action={formAction} className="space-y-4" noValidate data-testid="duplicate-form">
      <input type="hidden" name="org" value={org} />
      <input type="hidden" name="campaign" value={campaign} />
      <input type="hidden" name="eventId" value={eventId} />
      <FormOutcome state={state} />
      <p className="text-sm text-stone-700">{t("lead", { times: localTimes })}</p>
      <CountrySelect name={`${p}country`} value={country} onChange={setCountry} countries={countries} error={error("country")} />
      <TextField name={`${p}city`} required maxLength={120} label={t("city")} defaultValue={keptValue(state, "city")} error={error("city")} />
      <ZoneSelect name={`${p}timeZone`} value={zone} onChange={setZone} zones={zones} error={error("timeZone")} hint={t("timeZoneHint")} />
      <TextField name={`${p}venue`} maxLength={200} label={tp("venue")} defaultValue={keptValue(state, "venue")} error={error("venue")} />
      <TextField name={`${p}address`} maxLength={300} label={tp("address")} defaultValue={keptValue(state, "address")} error={error("address")} />
      <TextField
        name={`${p}title`}
        maxLength={160}
        label={t("title")}
        hint={t("titleHint", { title })}
        defaultValue={keptValue(state, "title")}
        error={error("title")}
      />
      <SubmitButton variant="secondary" pendingLabel={t("submitting")}>
        {t("submit")}
      </SubmitButton>
    </form>
  );
}
