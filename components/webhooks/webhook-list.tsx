import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import type { FormAction } from "@/lib/forms";
import { formatInstant } from "@/lib/time/format";
import type { WebhookEntry } from "@/lib/webhooks/webhooks";
import { DeliveryStatusBadge } from "./delivery-status";
import { DeleteWebhookForm, TestWebhookForm } from "./webhook-actions";

/** The organisation's webhooks, one card each: what it covers, what it sends, how its latest call went. */
export async function WebhookList({
  webhooks,
  org,
  testAction,
  deleteAction,
}: {
  webhooks: WebhookEntry[];
  org: string;
  testAction: FormAction;
  deleteAction: FormAction;
}) {
  const t = await getTranslations("webhooks");
  const locale = await getLocale();
  if (!webhooks.length)
    return (
      <p className="mt-4 rounded-lg border border-dashed border-stone-300 p-6 text-center text-stone-600" data-testid="webhooks-empty">
        {t("empty")}
      </p>
    );
  return (
    <ul className="mt-4 space-y-4">
      {webhooks.map((w) => (
        <li key={w.id} className="rounded-md border border-stone-200 p-4" data-testid="webhook-item">
          <p className="font-mono text-sm [overflow-wrap:anywhere]">{w.url}</p>
          <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
            <dt className="text-stone-600">{t("list.campaign")}</dt>
            <dd>{w.campaignTitle ?? t("list.allCampaigns")}</dd>
            <dt className="text-stone-600">{t("list.personal")}</dt>
            <dd className={w.personal ? "font-medium text-amber-900" : undefined}>{w.personal ? t("list.personalYes") : t("list.personalNo")}</dd>
            <dt className="text-stone-600">{t("list.created")}</dt>
            <dd>{formatInstant(locale, w.createdAt, "UTC")}</dd>
            <dt className="text-stone-600">{t("list.lastDelivery")}</dt>
            <dd>
              {w.lastStatus && w.lastAt ? (
                <span className="flex flex-wrap items-center gap-2">
                  <DeliveryStatusBadge status={w.lastStatus} />
                  {formatInstant(locale, w.lastAt, "UTC")}
                </span>
              ) : (
                t("list.never")
              )}
            </dd>
          </dl>
          {w.disabledAt ? <p className="mt-3 text-sm font-medium text-red-800">{t("list.disabled")}</p> : null}
          <div className="mt-4 flex flex-wrap items-start gap-3">
            <Link href={`/dashboard/${org}/webhooks/${w.id}`} className="self-center text-sm font-medium text-brand-700 underline underline-offset-2">
              {t("list.log")}
            </Link>
            {w.disabledAt ? null : <TestWebhookForm action={testAction} org={org} webhookId={w.id} />}
            <DeleteWebhookForm action={deleteAction} org={org} webhookId={w.id} host={w.host} />
          </div>
        </li>
      ))}
    </ul>
  );
}
