import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { DeliveryLog } from "@/components/webhooks/delivery-log";
import { PageTitle } from "@/components/ui/card";
import { NotFoundError } from "@/lib/errors";
import { loadOrganisationPage } from "@/lib/orgs/page-guard";
import { deliveryPageSchema } from "@/lib/webhooks/schemas";
import { listWebhookDeliveries } from "@/lib/webhooks/webhooks";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("webhooks.deliveries"))("title"), robots: { index: false } };
}

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function WebhookDeliveriesPage({
  params,
  searchParams,
}: {
  params: Promise<{ org: string; webhook: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { org: slug, webhook } = await params;
  const base = `/dashboard/${slug}/webhooks/${webhook}`;
  const { actor, org } = await loadOrganisationPage(slug, "owner", base);
  if (!/^[0-9a-f-]{36}$/i.test(webhook)) notFound();
  const { page } = deliveryPageSchema.parse({ page: first((await searchParams).page) ?? 1 });
  const log = await listWebhookDeliveries(actor, org.id, webhook, page).catch((e: unknown) => {
    if (e instanceof NotFoundError) notFound();
    throw e;
  });
  const t = await getTranslations("webhooks.deliveries");
  return (
    <>
      <p className="mb-4">
        <Link href={`/dashboard/${org.slug}/webhooks`} className="text-sm font-medium text-brand-700 underline underline-offset-2">
          {t("back")}
        </Link>
      </p>
      <PageTitle lead={t("lead", { url: log.webhook.url })}>{t("title")}</PageTitle>
      <DeliveryLog log={log} base={base} />
    </>
  );
}
