import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { Fragment, type ReactNode } from "react";
import { Breadcrumbs } from "@/components/dashboard/breadcrumbs";
import { MailStatusBadge } from "@/components/mail/mailbox-table";
import { RetryMessageForm } from "@/components/mail/retry-form";
import { Alert } from "@/components/ui/alert";
import { Card, PageTitle } from "@/components/ui/card";
import { NotFoundError } from "@/lib/errors";
import { getMailboxMessage, isSmtpConfigured } from "@/lib/mail/mailbox";
import { PRIVATE_LINK } from "@/lib/mail/render";
import { loadOrganisationPage } from "@/lib/orgs/page-guard";
import { formatInstant } from "@/lib/time/format";
import { retryMessageAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("mailbox"))("metaTitle"), robots: { index: false } };
}

export default async function MailboxMessagePage({ params }: { params: Promise<{ org: string; message: string }> }) {
  const { org: slug, message: id } = await params;
  const { actor, org } = await loadOrganisationPage(slug, "owner", `/dashboard/${slug}/mailbox/${id}`);
  const message = await getMailboxMessage(actor, org.id, id).catch((e: unknown) => {
    if (e instanceof NotFoundError) notFound();
    throw e;
  });
  const t = await getTranslations("mailbox");
  const locale = await getLocale();
  const when = (d: Date) => formatInstant(locale, d, "UTC");
  const base = `/dashboard/${org.slug}/mailbox`;
  const smtp = isSmtpConfigured();
  const subject = message.subject ?? t("erased");
  const rows: [string, ReactNode][] = [
    [
      t("detail.to"),
      <span key="to" className="break-all">
        {message.to ?? "—"}
      </span>,
    ],
    [t("detail.kind"), t(`kinds.${message.kind}`)],
    [t("detail.status"), <MailStatusBadge key="status" status={message.status} />],
    [t("detail.written"), when(message.createdAt)],
    ...(message.sentAt ? [[t("detail.sentAt"), when(message.sentAt)] as [string, ReactNode]] : []),
    ...(message.attempts > 0 ? [[t("detail.attempts"), String(message.attempts)] as [string, ReactNode]] : []),
    ...(message.status === "pending" ? [[t("detail.nextAttempt"), when(message.nextAttemptAt)] as [string, ReactNode]] : []),
  ];
  return (
    <>
      <Breadcrumbs items={[{ href: base, label: t("title") }, { label: subject }]} />
      <PageTitle>{subject}</PageTitle>
      <div className="grid gap-6 lg:grid-cols-3">
        <Card className="lg:col-span-2" title={t("detail.text")}>
          <div className="mt-3 space-y-3">
            {message.status === "sent" && message.sentAt ? <Alert tone="success">{t("detail.delivered", { when: when(message.sentAt) })}</Alert> : null}
            {message.status === "held" ? <Alert tone="warning">{smtp ? t("detail.heldThen") : t("detail.held")}</Alert> : null}
            {message.status === "pending" || message.status === "sending" ? <Alert tone="info">{t("detail.waiting")}</Alert> : null}
            {message.text !== null ? (
              <pre
                className="whitespace-pre-wrap break-words rounded-md border border-stone-200 bg-stone-50 p-4 font-sans text-sm text-stone-900"
                data-testid="mailbox-text"
              >
                {message.text.split(PRIVATE_LINK).map((part, i) => (
                  <Fragment key={i}>
                    {i > 0 ? <span className="rounded bg-stone-200 px-1 text-stone-700">{t("detail.privateLink")}</span> : null}
                    {part}
                  </Fragment>
                ))}
              </pre>
            ) : message.status !== "sent" ? (
              <p className="text-sm text-stone-600">{t("detail.noText")}</p>
            ) : null}
          </div>
        </Card>
        <div className="space-y-6">
          <Card>
            <dl className="space-y-2 text-sm">
              {rows.map(([label, value]) => (
                <div key={label}>
                  <dt className="font-medium text-stone-600">{label}</dt>
                  <dd className="text-stone-900">{value}</dd>
                </div>
              ))}
            </dl>
          </Card>
          {message.status === "failed" ? (
            <Card className="border-red-200">
              <p className="text-sm text-stone-800">{t("detail.failed", { count: message.attempts })}</p>
              {message.lastError ? (
                <p className="mt-2 text-sm">
                  <span className="font-medium">{t("detail.lastError")}:</span> <span className="break-words font-mono text-xs">{message.lastError}</span>
                </p>
              ) : null}
              <div className="mt-4">
                <RetryMessageForm action={retryMessageAction} org={org.slug} messageId={message.id} />
              </div>
            </Card>
          ) : message.status === "held" && smtp ? (
            <Card>
              <p className="text-sm text-stone-800">{t("detail.heldSend")}</p>
              <div className="mt-4">
                <RetryMessageForm action={retryMessageAction} org={org.slug} messageId={message.id} held />
              </div>
            </Card>
          ) : message.lastError ? (
            <Card>
              <p className="text-sm">
                <span className="font-medium">{t("detail.lastError")}:</span> <span className="break-words font-mono text-xs">{message.lastError}</span>
              </p>
            </Card>
          ) : null}
        </div>
      </div>
    </>
  );
}
