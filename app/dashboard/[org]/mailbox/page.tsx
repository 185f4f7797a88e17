import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { MailboxFilter, MailboxTable } from "@/components/mail/mailbox-table";
import { Alert } from "@/components/ui/alert";
import { PageTitle } from "@/components/ui/card";
import { isSmtpConfigured, listMailbox } from "@/lib/mail/mailbox";
import { mailboxQuerySchema } from "@/lib/mail/schemas";
import { loadOrganisationPage } from "@/lib/orgs/page-guard";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("mailbox"))("metaTitle"), robots: { index: false } };
}

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function MailboxPage({
  params,
  searchParams,
}: {
  params: Promise<{ org: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { org: slug } = await params;
  const { actor, org } = await loadOrganisationPage(slug, "owner", `/dashboard/${slug}/mailbox`);
  const raw = await searchParams;
  const query = mailboxQuerySchema.parse({ status: first(raw.status) || undefined, page: first(raw.page) ?? 1 });
  const mailbox = await listMailbox(actor, org.id, query);
  const t = await getTranslations("mailbox");
  const base = `/dashboard/${org.slug}/mailbox`;
  return (
    <>
      <PageTitle lead={t("lead")}>{t("title")}</PageTitle>
      {isSmtpConfigured() ? null : (
        <div className="mb-6" data-testid="mailbox-no-smtp">
          <Alert tone="warning" title={t("noSmtpTitle")}>
            {t("noSmtp")}
          </Alert>
        </div>
      )}
      <MailboxFilter base={base} status={query.status} />
      <MailboxTable mailbox={mailbox} base={base} status={query.status} />
    </>
  );
}
