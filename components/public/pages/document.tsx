import type { ReactNode } from "react";
import { NextIntlClientProvider, useTranslations, type AbstractIntlMessages } from "next-intl";
import { SiteHeader } from "@/components/layout/site-header";
import type { AppLocale } from "@/lib/i18n/config";

/**
 * A whole public page as React renders it on the server (pages/api/public/[[...path]].tsx): our stylesheet and
 * our one script, nothing of Next's. A page's own <title> and <meta> tags are rendered where the page is, and
 * React puts them in the head. An embed (a frame on another site) is the page alone: no site header or footer,
 * and no script at all.
 */
export function PublicDocument({
  locale,
  messages,
  path,
  stylesheet,
  script,
  children,
}: {
  locale: AppLocale;
  messages: AbstractIntlMessages;
  /** The page's address without a language, for the language menu. */
  path: string;
  stylesheet: string;
  /** Our one script; none for an embed. */
  script?: string;
  children: ReactNode;
}) {
  return (
    // Times name their own zone everywhere; UTC is only the formatter's fallback.
    <NextIntlClientProvider locale={locale} messages={messages} timeZone="UTC">
      <html lang={locale}>
        {/* eslint-disable-next-line @next/next/no-head-element -- rendered by React's own server renderer, not by Next's pages */}
        <head>
          <meta charSet="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <meta name="theme-color" content="#9a3412" />
          {/* Other sites never see our addresses (private links included); our own form posts keep their Origin. */}
          <meta name="referrer" content="same-origin" />
          <link rel="icon" href="/icon.svg" type="image/svg+xml" />
          <link rel="stylesheet" href={stylesheet} />
        </head>
        {script ? (
          <body className="min-h-screen">
            <Frame path={path}>{children}</Frame>
            <script src={script} defer />
          </body>
        ) : (
          <body className="bg-white">
            <main className="mx-auto max-w-2xl p-3 [overflow-wrap:anywhere] sm:p-4">{children}</main>
          </body>
        )}
      </html>
    </NextIntlClientProvider>
  );
}

function Frame({ path, children }: { path: string; children: ReactNode }) {
  const t = useTranslations();
  return (
    <>
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
      >
        {t("app.skipToContent")}
      </a>
      <SiteHeader path={path} />
      {/* A long address typed into a title or a text breaks where it must instead of widening the page. */}
      <main id="main" className="mx-auto max-w-3xl px-4 py-8 [overflow-wrap:anywhere]">
        {children}
      </main>
      <footer className="mx-auto max-w-3xl px-4 pb-10 text-sm text-stone-600">{t("public.footer.privacy")}</footer>
    </>
  );
}

/** The <title> of a public page: the page's own, then the site's name. */
export function PageHead({ title, description }: { title?: string; description?: string }) {
  const t = useTranslations("app");
  const full = title ? `${title} · ${t("name")}` : t("name");
  return (
    <>
      <title>{full}</title>
      <meta name="description" content={description ?? t("tagline")} />
      <meta property="og:title" content={title ?? t("name")} />
      {description ? <meta property="og:description" content={description} /> : null}
      <meta property="og:type" content="website" />
      <meta property="og:site_name" content="Picket" />
      <meta name="twitter:card" content="summary" />
    </>
  );
}
