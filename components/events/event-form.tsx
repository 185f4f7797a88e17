"use client";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { FormOutcome } from "@/components/dashboard/form-outcome";
import { useFormKey } from "@/components/dashboard/use-form-key";
import { SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { HiddenFields } from "@/components/ui/hidden-fields";
import { LanguageSelect } from "@/components/ui/language-select";
import { Options } from "@/components/ui/options";
import { SlugField } from "@/components/ui/slug-field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useForm } from "@/components/ui/use-form";
import { EVENT_KINDS, PLACE_REVEAL_CHOICES, SIGNUP_MODES } from "@/lib/events/schemas";
import { fieldError, type FormAction } from "@/lib/forms";
import { CaseOptions, soleCaseId } from "@/components/trials/case-options";
import { CheckboxField } from "./checkbox-field";
import { ErasureConfirm } from "./erasure-confirm";
import { CountrySelect, LocalTimeNote, useCountryZone, ZoneSelect } from "./place-fields";
import type { CountryOption } from "./zone-options";

/** The form's fields as strings, local times already on the place's wall clock. */
export interface EventValues {
  id?: string;
  slug: string;
  title: string;
  kind: string;
  description: string;
  startsLocal: string;
  endsLocal: string;
  deadlineLocal: string;
  timeZone: string;
  venue: string;
  address: string;
  city: string;
  country: string;
  latitude: string;
  longitude: string;
  onlineUrl: string;
  capacity: string;
  waitlist: boolean;
  roles: string;
  signupMode: string;
  approval: boolean;
  placeHidden: boolean;
  gatheringArea: string;
  placeRevealMinutes: string;
  confirmed: number;
  caseId?: string;
  /** The language its title and description are written in. */
  language: string;
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <fieldset className="space-y-4 border-t border-stone-200 pt-5 first-of-type:border-t-0 first-of-type:pt-0">
      <legend className="float-left mb-2 w-full text-base font-semibold text-stone-900">{title}</legend>
      {children}
    </fieldset>
  );
}

/** Creates an event (no `event.id`) or edits one. Works without JavaScript; with it, the zone follows the country. */
export function EventForm({
  action,
  org,
  campaign,
  campaignId,
  values,
  countries,
  zones,
  cases = [],
}: {
  action: FormAction;
  org: string;
  campaign: string;
  campaignId: string;
  values: EventValues;
  countries: CountryOption[];
  zones: string[];
  cases?: { id: string; name: string }[];
}) {
  const t = useTranslations("editor.event");
  const tt = useTranslations("trials.dashboard");
  const tk = useTranslations("editor.eventKinds");
  const tm = useTranslations("editor.signupModes");
  const { state, formAction, field, value, error, checked } = useForm(action, { values });
  const formKey = useFormKey(state);
  const { country, setCountry, zone, setZone } = useCountryZone(values.country, values.timeZone);
  const editing = values.id !== undefined;
  // A capacity below the confirmed sign-ups: the message names how many there are.
  const belowConfirmed = fieldError(state, "capacity")?.key.startsWith("events.capacityBelowConfirmed");
  return (
    <form key={formKey} action={formAction} className="space-y-6" noValidate data-testid="event-form">
      <HiddenFields values={editing ? { org, campaign, eventId: values.id } : { org, campaign, campaignId }} />
      <FormOutcome state={state} />

      <Section title={t("what")}>
        <TextField {...field("title")} required maxLength={160} label={t("title")} hint={t("titleHint")} />
        <SelectField {...field("kind")} required label={t("kind")}>
          <Options values={EVENT_KINDS} label={(k) => tk(k)} />
        </SelectField>
        {cases.length ? (
          <SelectField
            {...field("caseId")}
            label={tt("eventCase")}
            hint={tt("eventCaseHint")}
            defaultValue={value("caseId") || (editing ? "" : soleCaseId(cases))}
          >
            <CaseOptions cases={cases} none={tt("eventCaseNone")} />
          </SelectField>
        ) : null}
        <LanguageSelect {...field("language")} label={t("language")} hint={t("languageHint")} />
        <TextAreaField {...field("description")} rows={6} label={t("description")} hint={t("descriptionHint")} />
      </Section>

      <Section title={t("where")}>
        <CountrySelect name="country" value={country} onChange={setCountry} countries={countries} error={error("country")} />
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField {...field("city")} maxLength={120} label={t("city")} hint={t("cityHint")} />
          <TextField {...field("venue")} maxLength={200} label={t("venue")} hint={t("venueHint")} />
        </div>
        <TextField {...field("address")} maxLength={300} label={t("address")} hint={t("addressHint")} />
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField {...field("latitude")} inputMode="decimal" label={t("latitude")} hint={t("latitudeHint")} />
          <TextField {...field("longitude")} inputMode="decimal" label={t("longitude")} hint={t("longitudeHint")} />
        </div>
        <TextField {...field("onlineUrl")} type="url" inputMode="url" placeholder="https://" label={t("onlineUrl")} hint={t("onlineUrlHint")} />
        <CheckboxField name="placeHidden" value="on" defaultChecked={checked("placeHidden")} label={t("placeHidden")} hint={t("placeHiddenHint")} />
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField {...field("gatheringArea")} maxLength={200} label={t("gatheringArea")} hint={t("gatheringAreaHint")} />
          <SelectField {...field("placeRevealMinutes")} required label={t("placeReveal")} hint={t("placeRevealHint")}>
            <Options
              values={PLACE_REVEAL_CHOICES.map(String)}
              label={(m) => (Number(m) < 60 ? t("minutesBefore", { count: Number(m) }) : t("hoursBefore", { count: Number(m) / 60 }))}
            />
          </SelectField>
        </div>
      </Section>

      <Section title={t("when")}>
        <LocalTimeNote zone={zone} />
        <ZoneSelect name="timeZone" value={zone} onChange={setZone} zones={zones} error={error("timeZone")} />
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField {...field("startsLocal")} type="datetime-local" required label={t("startsLocal")} hint={t("localHint")} />
          <TextField {...field("endsLocal")} type="datetime-local" required label={t("endsLocal")} hint={t("localHint")} />
        </div>
        <div className="sm:max-w-[calc(50%-0.5rem)]">
          <TextField {...field("deadlineLocal")} type="datetime-local" label={t("deadlineLocal")} hint={t("deadlineHint")} />
        </div>
        {editing ? <ErasureConfirm state={state} name="confirmEarlierErasure" /> : null}
      </Section>

      <Section title={t("signups")}>
        <div className="max-w-xs">
          <TextField
            {...field("capacity")}
            inputMode="numeric"
            label={t("capacity")}
            hint={editing && values.confirmed > 0 ? t("capacityHintConfirmed", { count: values.confirmed }) : t("capacityHint")}
            error={error("capacity", belowConfirmed ? { confirmed: values.confirmed } : undefined)}
          />
        </div>
        <SelectField {...field("signupMode")} required label={t("signupMode")} hint={t("signupModeHint")}>
          <Options values={SIGNUP_MODES} label={(m) => tm(m)} />
        </SelectField>
        <CheckboxField
          name="waitlist"
          value="on"
          defaultChecked={checked("waitlist")}
          label={t("waitlist")}
          hint={t("waitlistHint")}
          error={error("waitlist")}
        />
        <CheckboxField
          name="approval"
          value="on"
          defaultChecked={checked("approval")}
          label={t("approval")}
          hint={t("approvalHint")}
          error={error("approval")}
        />
        <TextField {...field("roles")} label={t("roles")} hint={t("rolesHint", { examples: t("roleExamples") })} />
      </Section>

      <Section title={t("addressSection")}>
        <SlugField
          {...field("slug")}
          label={t("slug")}
          hint={editing ? t("slugHintEdit", { path: `/c/${campaign}/` }) : t("slugHint", { path: `/c/${campaign}/` })}
        />
      </Section>

      <SubmitButton pendingLabel={editing ? t("saving") : t("creating")}>{editing ? t("save") : t("create")}</SubmitButton>
    </form>
  );
}
