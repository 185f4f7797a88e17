"use client";
import { useTranslations } from "next-intl";
import { useActionState, useId } from "react";
import { HiddenFields } from "@/components/ui/hidden-fields";
import { SubmitButton } from "@/components/ui/submit-button";
import { idle, type FormAction } from "@/lib/forms";
import { InlineOutcome } from "./inline-outcome";

const select = "min-h-11 w-full rounded-md border border-stone-300 bg-white px-2 py-1 text-sm";

export interface ScopeChoices {
  campaigns: { id: string; title: string }[];
  events: { id: string; title: string; campaignTitle: string }[];
  cities: { country: string; city: string }[];
}

/** Gives a member one campaign, one event or one city: choose one of the three. Stacks on a phone. */
export function GiveScopeForm({
  action,
  org,
  userId,
  memberName,
  choices,
}: {
  action: FormAction;
  org: string;
  userId: string;
  memberName: string;
  choices: ScopeChoices;
}) {
  const t = useTranslations("scopes");
  const [state, formAction] = useActionState(action, idle);
  const id = useId();
  const byCampaign = new Map<string, ScopeChoices["events"]>();
  for (const e of choices.events) byCampaign.set(e.campaignTitle, [...(byCampaign.get(e.campaignTitle) ?? []), e]);
  return (
    <form action={formAction} className="space-y-2 rounded-md bg-stone-50 p-3" data-testid="give-scope-form">
      <HiddenFields values={{ org, userId }} />
      <p className="text-sm font-medium">{t("giveTitle", { name: memberName })}</p>
      <div className="grid gap-2 sm:grid-cols-3">
        <label htmlFor={`${id}-c`} className="block text-sm">
          {t("campaignField")}
          <select id={`${id}-c`} name="campaignId" defaultValue="" className={select}>
            <option value="">{t("choose")}</option>
            {choices.campaigns.map((c) => (
              <option key={c.id} value={c.id}>
                {c.title}
              </option>
            ))}
          </select>
        </label>
        <label htmlFor={`${id}-e`} className="block text-sm">
          {t("eventField")}
          <select id={`${id}-e`} name="eventId" defaultValue="" className={select}>
            <option value="">{t("choose")}</option>
            {[...byCampaign].map(([campaign, list]) => (
              <optgroup key={campaign} label={campaign}>
                {list.map((e) => (
                  <option key={e.id} value={e.id}>
                    {e.title}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </label>
        <label htmlFor={`${id}-y`} className="block text-sm">
          {t("cityField")}
          <select id={`${id}-y`} name="city" defaultValue="" className={select}>
            <option value="">{t("choose")}</option>
            {choices.cities.map((c) => (
              <option key={`${c.country}|${c.city}`} value={`${c.country}|${c.city}`}>
                {c.city} ({c.country})
              </option>
            ))}
          </select>
        </label>
      </div>
      <SubmitButton variant="secondary" pendingLabel={t("giving")}>
        {t("give")}
      </SubmitButton>
      <InlineOutcome state={state} field="campaignId" />
    </form>
  );
}

export function RevokeScopeForm({ action, org, scopeId, label, what }: { action: FormAction; org: string; scopeId: string; label: string; what: string }) {
  const t = useTranslations("scopes");
  const [state, formAction] = useActionState(action, idle);
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-2">
      <HiddenFields values={{ org, scopeId }} />
      <span className="text-sm">{what}</span>
      <button type="submit" aria-label={label} className="min-h-11 rounded-md px-2 text-sm text-brand-700 underline">
        {t("remove")}
      </button>
      <InlineOutcome state={state} field="campaignId" />
    </form>
  );
}
