import type { NextApiRequest, NextApiResponse } from "next";
import type { ReactNode } from "react";
import { renderToString } from "react-dom/server";
import { ArticlePage, ArticlesPage } from "@/components/public/pages/article-pages";
import { CampaignPage } from "@/components/public/pages/campaign-page";
import { PublicDocument } from "@/components/public/pages/document";
import { EmbedPage } from "@/components/public/pages/embed-page";
import { EventPage, type SignupBox } from "@/components/public/pages/event-page";
import { HomePage } from "@/components/public/pages/home-page";
import { HostPage, ProposePage, type HostChange } from "@/components/public/pages/host-pages";
import { loadHostPage, loadProposePage } from "@/lib/hosts/pages";
import { NotFoundPage, UnavailablePage } from "@/components/public/pages/not-found-page";
import { OWN_SIGNUP_CHANGES, OwnSignupPage } from "@/components/public/pages/own-signup-page";
import { formDataOfStream } from "@/lib/http/see-other";
import { LOCALE_COOKIE, LOCALE_HEADER, rememberedLocale, splitLocalePath, type AppLocale } from "@/lib/i18n/config";
import { messagesByLocale } from "@/lib/i18n/messages";
import { logFailure } from "@/lib/log";
import { siteOrigin } from "@/lib/mail/origin";
import { PUBLIC_SCRIPT_PATH } from "@/lib/public/assets";
import { clearedFormEchoCookie, FORM_ECHO_COOKIE, readFormEcho } from "@/lib/public/form-echo";
import { PageCache, pageCacheSeconds, type CacheOutcome, type RenderedPage } from "@/lib/public/page-cache";
import { followPageChanges, hearsPageChanges } from "@/lib/public/page-changes";
import { loadArticlePage, loadArticlesPage, loadCampaignPage, loadEmbedPage, loadEventPage, loadHomePage, loadOwnSignupPage } from "@/lib/public/pages";
import { RenderQueue, renderLimit } from "@/lib/public/render-queue";
import { publicPage } from "@/lib/public/routes";
import { publicStylesheet } from "@/lib/public/stylesheet";
import { headersPastTheProxy } from "@/lib/security/client";
import { contentSecurityPolicy, tileOrigin } from "@/lib/security/headers";
import { countedCookie, signedUpQuery, signUpWithForm } from "@/lib/signups/public-signup";
import { clearedShownLinkCookie, readShownLink, SHOWN_LINK_COOKIE } from "@/lib/signups/shown-link";

// Every public page (lib/public/routes.ts): next.config.js rewrites their addresses here, past the proxy. Each is
// rendered with React's own server renderer into a whole HTML page with our one script and no Next runtime, and
// the pages that are the same for every reader of a language are kept (lib/public/page-cache.ts) until what they
// show changes. Nothing here reads a session: the pages are the same for everyone.

// A page is asked for with GET: there is no body to read.
export const config = { api: { bodyParser: false } };

const cache = new PageCache({ ttlMs: pageCacheSeconds() * 1000 });
const renderings = new RenderQueue(renderLimit());

type Query = NextApiRequest["query"];
const one = (query: Query, name: string): string | null => {
  const value = query[name];
  return typeof value === "string" ? value : null;
};

interface Answer {
  page: RenderedPage;
  /** How a page that may be kept was served; none: made for this request alone. */
  outcome: CacheOutcome | "none";
  /** A Set-Cookie header for this response. */
  cookie?: string;
  private?: boolean;
  /** Where a form's post goes on to (post, redirect, get) instead of a page. */
  location?: string;
}

/** The page an address names, in a language: what it shows and whether it may be kept. */
async function answer(path: string, locale: AppLocale, query: Query, cookies: () => Partial<Record<string, string>>, secure: boolean): Promise<Answer> {
  const segments = path.split("/").filter(Boolean).map(decodeURIComponent);
  const original = one(query, "original") === "1";
  const render = (content: () => Promise<{ node: ReactNode; tags: readonly string[] } | null>) => (): Promise<RenderedPage> =>
    renderings.run(async () => {
      const shown = await content();
      return shown ? { status: 200, html: await documentOf(locale, path, shown.node), tags: shown.tags } : notFound(locale, path);
    });
  switch (publicPage(path)) {
    case "home":
      return cached(
        `home ${locale}`,
        render(async () => withTags(await loadHomePage(), (data) => <HomePage data={data} />)),
      );
    case "campaign": {
      const caseId = one(query, "case");
      const key = `campaign ${locale} ${segments[1]} ${original ? 1 : 0} ${caseId ?? ""}`.slice(0, 300);
      const page = render(async () => withTags(await loadCampaignPage(segments[1]!, locale, { original, caseId }), (data) => <CampaignPage data={data} />));
      return cached(key, page);
    }
    case "event": {
      const [, campaign, event] = segments as [string, string, string];
      const outcome = one(query, "signup");
      const erased = one(query, "erased") === "1";
      const box = (form: SignupBox) =>
        render(async () =>
          withTags(await loadEventPage(campaign, event, locale, { original }), (data) => <EventPage data={data} signup={form} erased={erased} />),
        );
      if (outcome === "confirmed" || outcome === "waitlisted" || outcome === "requested") {
        const position = Math.max(1, Math.min(Number(one(query, "position")) || 1, 1_000_000));
        // A pseudonymous sign-up's private link, shown here once and then forgotten by the browser.
        const token = readShownLink(cookies()[SHOWN_LINK_COOKIE], `${campaign}/${event}`);
        const link = token ? `${siteOrigin()}/s/${token}` : undefined;
        return {
          outcome: "none",
          private: true,
          cookie: token ? clearedShownLinkCookie(secure) : undefined,
          page: await box({ done: outcome, position, link })(),
        };
      }
      if (outcome === "refused") {
        // The refused form's messages and values, for this page only, once.
        const state = readFormEcho(cookies()[FORM_ECHO_COOKIE], `signup /c/${campaign}/${event}`);
        return { outcome: "none", private: true, cookie: clearedFormEchoCookie(secure), page: await box({ form: state ?? { status: "idle" } })() };
      }
      if (erased) return { outcome: "none", page: await box({ form: { status: "idle" } })() };
      return cached(`event ${locale} ${campaign} ${event} ${original ? 1 : 0}`, box({ form: { status: "idle" } }));
    }
    case "articles": {
      const q = one(query, "q") ?? "";
      const page = render(async () => withTags(await loadArticlesPage(q), (data) => <ArticlesPage data={data} />));
      return q.trim() ? { outcome: "none", page: await page() } : cached(`articles ${locale}`, page);
    }
    case "article": {
      const key = `article ${locale} ${segments[1]}`.slice(0, 200);
      return cached(
        key,
        render(async () => withTags(await loadArticlePage(segments[1]!), (data) => <ArticlePage data={data} />)),
      );
    }
    case "signup": {
      const token = segments[1]!;
      const changed = one(query, "changed");
      const refusedChange = one(query, "refused");
      const change = OWN_SIGNUP_CHANGES.find((c) => c === refusedChange) ?? null;
      const state = change ? readFormEcho(cookies()[FORM_ECHO_COOKIE], `${change} /s/${token}`) : null;
      const data = await loadOwnSignupPage(token);
      const node = <OwnSignupPage token={token} data={data} changed={changed} refused={change && state ? { change, state } : null} />;
      return {
        outcome: "none",
        private: true,
        cookie: change ? clearedFormEchoCookie(secure) : undefined,
        page: { status: data ? 200 : 404, html: await documentOf(locale, path, node), tags: [] },
      };
    }
    case "propose": {
      const campaign = segments[1]!;
      const outcome = one(query, "proposal");
      const state = outcome === "refused" ? readFormEcho(cookies()[FORM_ECHO_COOKIE], `propose /c/${campaign}`) : null;
      const data = await loadProposePage(campaign);
      const node = data ? <ProposePage data={data} sent={outcome === "sent"} state={state} /> : <NotFoundPage />;
      return {
        outcome: "none",
        private: true,
        cookie: outcome === "refused" ? clearedFormEchoCookie(secure) : undefined,
        page: { status: data ? 200 : 404, html: await documentOf(locale, path, node), tags: [] },
      };
    }
    case "host": {
      const token = segments[1]!;
      const refusedChange = one(query, "refused");
      const change: HostChange | null = refusedChange === "confirm" || refusedChange === "edit" || refusedChange === "cancel" ? refusedChange : null;
      const state = change ? readFormEcho(cookies()[FORM_ECHO_COOKIE], `${change} /h/${token}`) : null;
      const data = await loadHostPage(token);
      const node = <HostPage token={token} data={data} changed={one(query, "changed")} refused={change && state ? { change, state } : null} />;
      return {
        outcome: "none",
        private: true,
        cookie: change ? clearedFormEchoCookie(secure) : undefined,
        page: { status: data ? 200 : 404, html: await documentOf(locale, path, node), tags: [] },
      };
    }
    case "embed": {
      const [, , campaign, event] = segments as [string, string, string, string];
      const outcome = one(query, "signup");
      if (outcome === "confirmed" || outcome === "waitlisted" || outcome === "requested") {
        const position = Math.max(1, Math.min(Number(one(query, "position")) || 1, 1_000_000));
        return { outcome: "none", private: true, page: await embed(locale, path, campaign, event, { done: outcome, position }) };
      }
      return cached(`embed ${locale} ${campaign} ${event}`, () => embed(locale, path, campaign, event, { form: { status: "idle" } }));
    }
    default:
      return { outcome: "none", page: await notFound(locale, path) };
  }
}

/** An event's embed, with the sites that may frame it: none when there is no such event. */
function embed(locale: AppLocale, path: string, campaign: string, event: string, signup: SignupBox): Promise<RenderedPage> {
  return renderings.run(async () => {
    const data = await loadEmbedPage(campaign, event, locale);
    if (!data) return { status: 404, html: await documentOf(locale, path, <NotFoundPage />, { embed: true }), tags: [], frameAncestors: [] };
    const html = await documentOf(locale, path, <EmbedPage data={data} signup={signup} />, { embed: true });
    return { status: 200, html, tags: data.tags, frameAncestors: data.frameAncestors };
  });
}

/**
 * A sign-up through an embed's form: the same sign-up as the event page's (signUpWithForm: the same checks,
 * limits and answers), answered without the cookies a frame on another site may not keep (browsers send no
 * SameSite=Lax cookie there, nor keep one it sets). What says nothing personal goes on to the embed's address
 * (post, redirect, get); a pseudonymous sign-up's private link and a refused form's typed values are answered
 * here, in this response, instead of travelling in a cookie. The form comes from this site's own page in the frame,
 * so its Origin is this site's, as signUpAtPublicEvent checks.
 */
async function embedSignup(req: NextApiRequest, path: string, locale: AppLocale, secure: boolean): Promise<Answer> {
  const [, , campaign, event] = path.split("/").filter(Boolean).map(decodeURIComponent) as [string, string, string, string];
  const form = await formDataOfStream(req, req.headers["content-type"]);
  const headers = headersPastTheProxy(req.headers, req.socket.remoteAddress);
  headers.set(LOCALE_HEADER, locale);
  const posted = form
    ? await signUpWithForm(campaign, event, form, headers, (name) => req.cookies[name])
    : { refused: { status: "error" as const, fieldErrors: {}, formError: "validation.tooLong" as const, values: {} } };
  if ("done" in posted) {
    const { done } = posted;
    const cookie = done.counted ? countedCookie(done.eventId, done.counted, secure) : undefined;
    if (!done.link) {
      const address = `/${locale}/embed/c/${encodeURIComponent(campaign)}/${encodeURIComponent(event)}?${signedUpQuery(done)}`;
      return { outcome: "none", private: true, cookie, location: address, page: { status: 303, html: "", tags: [] } };
    }
    const box: SignupBox = { done: done.outcome, position: done.outcome === "waitlisted" ? done.position : 1, link: `${siteOrigin()}/s/${done.link}` };
    return { outcome: "none", private: true, cookie, page: await embed(locale, path, campaign, event, box) };
  }
  const page = await embed(locale, path, campaign, event, { form: posted.refused });
  return { outcome: "none", private: true, page: { ...page, status: page.status === 200 ? 422 : page.status } };
}

function withTags<T extends { tags: readonly string[] }>(data: T | null, view: (data: T) => ReactNode) {
  return data ? { node: view(data), tags: data.tags } : null;
}

async function cached(key: string, render: () => Promise<RenderedPage>): Promise<Answer> {
  if (hearsPageChanges(cache)) return cache.page(key, render);
  // A page is kept only while this instance hears of changes; without that it is rendered for each reader.
  const listening = await followPageChanges(cache).then(
    () => true,
    (e: unknown) => {
      logFailure("public pages: cannot listen for changes; pages are not kept", e);
      return false;
    },
  );
  return listening ? cache.page(key, render) : { page: await render(), outcome: "none" };
}

async function documentOf(locale: AppLocale, path: string, node: ReactNode, options: { embed?: boolean } = {}): Promise<string> {
  const stylesheet = await publicStylesheet();
  return (
    "<!DOCTYPE html>" +
    renderToString(
      <PublicDocument
        locale={locale}
        messages={messagesByLocale[locale]}
        path={path}
        stylesheet={stylesheet.path}
        script={options.embed ? undefined : PUBLIC_SCRIPT_PATH}
      >
        {node}
      </PublicDocument>,
    )
  );
}

async function notFound(locale: AppLocale, path: string): Promise<RenderedPage> {
  return { status: 404, html: await documentOf(locale, path, <NotFoundPage />), tags: [] };
}

const POLICY = contentSecurityPolicy(null, { tiles: tileOrigin() });

/** The policy of a page: an embed's lets the sites it names frame it, and runs no script. */
const policyOf = (page: RenderedPage) => (page.frameAncestors ? contentSecurityPolicy(null, { embed: { frameAncestors: page.frameAncestors } }) : POLICY);

export default async function publicPageRoute(req: NextApiRequest, res: NextApiResponse) {
  const raw = req.query.path;
  const address = "/" + (Array.isArray(raw) ? raw : raw ? [raw] : []).map(encodeURIComponent).join("/");
  const { locale: named, path } = splitLocalePath(address);
  // An embed's form posts to the embed's own address; every other page is only read.
  const embedded = publicPage(path) === "embed";
  const posted = req.method === "POST" && embedded;
  if (req.method !== "GET" && req.method !== "HEAD" && !posted) {
    res.setHeader("Allow", embedded ? "GET, HEAD, POST" : "GET, HEAD");
    res.status(405).end();
    return;
  }
  const locale = named ?? rememberedLocale(req.headers.cookie, req.headers["accept-language"]);
  const https = siteOrigin().startsWith("https:");
  let result: Answer;
  try {
    result = posted ? await embedSignup(req, path, locale, https) : await answer(path, locale, req.query, () => req.cookies, https);
  } catch (e) {
    logFailure("public page failed", e);
    // The database did not answer (or the page failed): said in the reader's language, never kept.
    const page = await documentOf(locale, path, <UnavailablePage />).catch(() => messagesByLocale[locale].errors.generic);
    const html = page.startsWith("<");
    res.writeHead(503, {
      "Content-Type": html ? "text/html; charset=utf-8" : "text/plain; charset=utf-8",
      // The same policy as every public page (an embed's refuses every frame), and never kept by a browser or a cache in between.
      ...(html ? { "Content-Security-Policy": embedded ? contentSecurityPolicy(null, { embed: { frameAncestors: [] } }) : POLICY } : {}),
      "Cache-Control": "no-store",
      "Retry-After": "5",
    });
    res.end(page);
    return;
  }
  const cookies: string[] = [];
  if (result.cookie) cookies.push(result.cookie);
  // A language named in the address is remembered for the addresses without one; not an embed's, which the
  // partner's page chose.
  if (named && !embedded) cookies.push(`${LOCALE_COOKIE}=${named}; Path=/; Max-Age=${365 * 86_400}; SameSite=Lax; HttpOnly${https ? "; Secure" : ""}`);
  if (result.location) {
    res.writeHead(303, { Location: result.location, "Cache-Control": "no-store", ...(cookies.length ? { "Set-Cookie": cookies } : {}) });
    res.end();
    return;
  }
  const headers: Record<string, string | string[]> = {
    "Content-Type": "text/html; charset=utf-8",
    "Content-Security-Policy": policyOf(result.page),
    "Cache-Control": result.private ? "private, no-store" : "public, max-age=0, must-revalidate",
    // Whether the page came from the kept ones: for operators and tests, it says nothing about any reader.
    "X-Picket-Cache": result.outcome,
  };
  if (cookies.length) headers["Set-Cookie"] = cookies;
  if (!named) headers.Vary = "Accept-Language, Cookie";
  // An embed is the event page's copy for other sites: search engines index the page itself.
  if (result.private || embedded) headers["X-Robots-Tag"] = "noindex, nofollow";
  res.writeHead(result.page.status, headers);
  res.end(req.method === "HEAD" ? undefined : result.page.html);
}
