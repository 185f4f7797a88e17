"use client";
import { useTranslations } from "next-intl";
import { useActionState, type ReactNode } from "react";
import { FormOutcome } from "@/components/dashboard/form-outcome";
import { useFormKey } from "@/components/dashboard/use-form-key";
import { SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { useMessageText } from "@/components/ui/message";
import { SubmitButton } from "@/components/ui/submit-button";
import { EVENT_KINDS } from "@/lib/events/schemas";
import { fieldError, idle, keptValue, type FormAction } from "@/lib/forms";
import { LOCALE_NAMES, LOCALES } from "@/lib/i18n/config";
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
  const msg = useMessageText();
  const [state, formAction] = useActionState(action, idle);
  const formKey = useFormKey(state);
  const { country, setCountry, zone, setZone } = useCountryZone(values.country, values.timeZone);
  const editing = values.id !== undefined;
  const value = (name: keyof EventValues & string) => keptValue(state, name) ?? String(values[name] ?? "");
  const error = (name: string) => {
    const message = fieldError(state, name);
    return msg(message, message?.key.startsWith("events.capacityBelowConfirmed") ? { confirmed: values.confirmed } : undefined);
  };
  const waitlist = state.status === "error" ? state.values.waitlist === "on" : values.waitlist;
  return (
    <form key={formKey} action={formAction} className="space-y-6" noValidate data-testid="event-form">
      <input type="hidden" name="org" value={org} />
      <input type="hidden" name="campaign" value={campaign} />
      {editing ? <input type="hidden" name="eventId" value={values.id} /> : <input type="hidden" name="campaignId" value={campaignId} />}
      <FormOutcome state={state} />

      <Section title={t("what")}>
        <TextField name="title" required maxLength={160} label={t("title")} hint={t("titleHint")} defaultValue={value("title")} error={error("title")} />
        <SelectField name="kind" required label={t("kind")} defaultValue={value("kind")} error={error("kind")}>
          {EVENT_KINDS.map((k) => (
            <option key={k} value={k}>
              {tk(k)}
            </option>
          ))}
        </SelectField>
        {cases.length ? (
          <SelectField
            name="caseId"
            label={tt("eventCase")}
            hint={tt("eventCaseHint")}
            defaultValue={value("caseId") || (editing ? "" : cases.length === 1 ? cases[0]!.id : "")}
            error={error("caseId")}
          >
            <option value="">{tt("eventCaseNone")}</option>
            {cases.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </SelectField>
        ) : null}
        <SelectField name="language" required label={t("language")} hint={t("languageHint")} defaultValue={value("language")} error={error("language")}>
          {LOCALES.map((l) => (
            <option key={l} value={l} lang={l}>
              {LOCALE_NAMES[l]}
            </option>
          ))}
        </SelectField>
        <TextAreaField
          name="description"
          rows={6}
          label={t("description")}
          hint={t("descriptionHint")}
          defaultValue={value("description")}
          error={error("description")}
        />
      </Section>

      <Section title={t("where")}>
        <CountrySelect name="country" value={country} onChange={setCountry} countries={countries} error={error("country")} />
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField name="city" maxLength={120} label={t("city")} hint={t("cityHint")} defaultValue={value("city")} error={error("city")} />
          <TextField name="venue" maxLength={200} label={t("venue")} hint={t("venueHint")} defaultValue={value("venue")} error={error("venue")} />
        </div>
        <TextField name="address" maxLength={300} label={t("address")} hint={t("addressHint")} defaultValue={value("address")} error={error("address")} />
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField
            name="latitude"
            inputMode="decimal"
            label={t("latitude")}
            hint={t("latitudeHint")}
            defaultValue={value("latitude")}
            error={error("latitude")}
          />
          <TextField
            name="longitude"
            inputMode="decimal"
            label={t("longitude")}
            hint={t("longitudeHint")}
            defaultValue={value("longitude")}
            error={error("longitude")}
          />
        </div>
        <TextField
          name="onlineUrl"
          type="url"
          inputMode="url"
          placeholder="https://"
          label={t("onlineUrl")}
          hint={t("onlineUrlHint")}
          defaultValue={value("onlineUrl")}
          error={error("onlineUrl")}
        />
      </Section>

      <Section title={t("when")}>
        <LocalTimeNote zone={zone} />
        <ZoneSelect name="timeZone" value={zone} onChange={setZone} zones={zones} error={error("timeZone")} />
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField
            name="startsLocal"
            type="datetime-local"
            required
            label={t("startsLocal")}
            hint={t("localHint")}
            defaultValue={value("startsLocal")}
            error={error("startsLocal")}
          />
          <TextField
            name="endsLocal"
            type="datetime-local"
            required
            label={t("endsLocal")}
            hint={t("localHint")}
            defaultValue={value("endsLocal")}
            error={error("endsLocal")}
          />
        </div>
        <div className="sm:max-w-[calc(50%-0.5rem)]">
          <TextField
            name="deadlineLocal"
            type="datetime-local"
            label={t("deadlineLocal")}
            hint={t("deadlineHint")}
            defaultValue={value("deadlineLocal")}
            error={error("deadlineLocal")}
          />
        </div>
        {editing ? <ErasureConfirm state={state} name="confirmEarlierErasure" /> : null}
      </Section>

      <Section title={t("signups")}>
        <div className="max-w-xs">
          <TextField
            name="capacity"
            inputMode="numeric"
            label={t("capacity")}
            hint={editing && values.confirmed > 0 ? t("capacityHintConfirmed", { count: values.confirmed }) : t("capacityHint")}
            defaultValue={value("capacity")}
            error={error("capacity")}
          />
        </div>
        <CheckboxField name="waitlist" value="on" defaultChecked={waitlist} label={t("waitlist")} hint={t("waitlistHint")} />
        <TextField
          name="roles"
          label={t("roles")}
          hint={t("rolesHint", { examples: t("roleExamples") })}
          defaultValue={value("roles")}
          error={error("roles")}
        />
      </Section>

      <Section title={t("addressSection")}>
        <TextField
          name="slug"
          maxLength={60}
          autoCapitalize="none"
          spellCheck={false}
          label={t("slug")}
          hint={editing ? t("slugHintEdit", { path: `/c/${campaign}/` }) : t("slugHint", { path: `/c/${campaign}/` })}
          defaultValue={value("slug")}
          error={error("slug")}
        />
      </Section>

      <SubmitButton pendingLabel={editing ? t("saving") : t("creating")}>{editing ? t("save") : t("create")}</SubmitButton>
    </form>
  );
}
