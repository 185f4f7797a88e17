"use client";
import { Check, X } from "lucide-react";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FormOutcome } from "@/components/dashboard/form-outcome";
import { buttonClass } from "@/components/ui/button";
import { HiddenFields } from "@/components/ui/hidden-fields";
import { idle, type FormAction } from "@/lib/forms";

/** The two answers to a request, each one tap. */
const DECISIONS = [
  { value: "approve", variant: "primary", Icon: Check },
  { value: "decline", variant: "secondary", Icon: X },
] as const;

export interface RequestItem {
  id: string;
  name: string;
  role: string | null;
  comment: string | null;
  /** When it was sent, already written in the event's zone with the zone named. */
  sent: string;
  /** Of an event split into shifts: the shifts it asks for, already written. */
  shifts?: string[];
}

/**
 * The requests waiting on an event that vets its sign-ups, oldest first: one tap approves or declines each, and
 * the answer of the last tap shows above the list. Plain forms: they work without JavaScript, on a phone at the door.
 */
export function RequestList({ action, org, items, total }: { action: FormAction; org: string; items: RequestItem[]; total: number }) {
  const t = useTranslations("attendees.approval");
  const [state, formAction, pending] = useActionState(action, idle);
  return (
    <section aria-labelledby="requests-title" className="space-y-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-amber-300" data-testid="requests">
      <h2 id="requests-title" className="text-lg font-semibold">
        {t("title", { count: total })}
      </h2>
      <FormOutcome state={state} />
      {items.length ? (
        <ul className="divide-y divide-stone-200">
          {items.map((r) => (
            <li key={r.id} className="flex flex-col gap-2 py-3 sm:flex-row sm:items-center sm:justify-between" data-testid="request">
              <div className="min-w-0">
                <p className="font-medium break-words">{r.name}</p>
                <p className="text-sm text-stone-600">
                  {r.role ? `${r.role} · ` : ""}
                  {t("sent", { when: r.sent })}
                </p>
                {r.shifts?.length ? (
                  <p className="text-sm text-stone-700" data-testid="request-shifts">
                    {r.shifts.join(" · ")}
                  </p>
                ) : null}
                {r.comment ? <p className="mt-1 text-sm break-words text-stone-700">“{r.comment}”</p> : null}
              </div>
              <form action={formAction} className="grid shrink-0 grid-cols-2 gap-2 sm:flex">
                <HiddenFields values={{ org, signupId: r.id }} />
                {DECISIONS.map(({ value, variant, Icon }) => (
                  <button
                    key={value}
                    type="submit"
                    name="decision"
                    value={value}
                    disabled={pending}
                    className={`${buttonClass(variant)} min-h-11 justify-center`}
                    aria-label={t(`${value}Name`, { name: r.name })}
                  >
                    <Icon aria-hidden className="size-4 shrink-0" />
                    {t(value)}
                  </button>
                ))}
              </form>
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-stone-700">{t("none")}</p>
      )}
      {total > items.length ? <p className="text-sm text-stone-600">{t("more", { shown: items.length, total })}</p> : null}
    </section>
  );
}
