import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { WebhookForm } from "@/components/webhooks/webhook-form";
import { WebhookList } from "@/components/webhooks/webhook-list";
import { Alert } from "@/components/ui/alert";
import { Card, PageTitle } from "@/components/ui/card";
import { loadOrganisationPage } from "@/lib/orgs/page-guard";
import { listWebhooks, webhookCampaigns } from "@/lib/webhooks/webhooks";
import { createWebhookAction, deleteWebhookAction, sendTestWebhookAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("webhooks"))("metaTitle"), robots: { index: false } };
}

export default async function WebhooksPage({
  params,
  searchParams,
}: {
  params: Promise<{ org: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { org: slug } = await params;
  const { actor, org } = await loadOrganisationPage(slug, "owner", `/dashboard/${slug}/webhooks`);
  const [webhooks, campaigns, query] = await Promise.all([listWebhooks(actor, org.id), webhookCampaigns(actor, org.id), searchParams]);
  const t = await getTranslations("webhooks");
  return (
    <>
      <PageTitle lead={t("lead")}>{t("title")}</PageTitle>
      {query.deleted ? (
        <div className="mb-6">
          <Alert tone="success">{t("delete.done")}</Alert>
        </div>
      ) : null}
      <div className="grid items-start gap-6 lg:grid-cols-[3fr_2fr]">
        <Card title={t("list.heading")}>
          <WebhookList webhooks={webhooks} org={org.slug} testAction={sendTestWebhookAction} deleteAction={deleteWebhookAction} />
        </Card>
        <Card title={t("form.heading")}>
          <WebhookForm action={createWebhookAction} org={org.slug} campaigns={campaigns} />
        </Card>
      </div>
    </>
  );
}
