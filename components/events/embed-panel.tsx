import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { siteOrigin } from "@/lib/mail/origin";
import { embedSnippet } from "@/lib/public/embed";

/**
 * The event's sign-up for a partner's site: the code to paste, the sites the campaign lets show it (its
 * signup_origins, the frame's only allowed ancestors) and where to change them. The address is the site's public
 * one (lib/mail/origin.ts), never the request's.
 */
export async function EmbedPanel({
  org,
  campaign,
  event,
}: {
  org: string;
  campaign: { slug: string; signupOrigins: string[]; lead: boolean };
  event: { slug: string; title: string };
}) {
  const t = await getTranslations("editor.eventPage.embed");
  const snippet = embedSnippet(siteOrigin(), campaign.slug, event.slug, t("frameTitle", { title: event.title }));
  return (
    <Card title={t("title")} lead={t("lead")} id="embed">
      <div className="mt-4 space-y-4" data-testid="embed-panel">
        <div>
          <label htmlFor="embed-snippet" className="block text-sm font-medium text-stone-900">
            {t("snippet")}
          </label>
          <textarea
            id="embed-snippet"
            readOnly
            rows={6}
            value={snippet}
            aria-describedby="embed-language"
            className="mt-1 block w-full rounded-md border border-stone-300 bg-stone-50 p-2 font-mono text-xs text-stone-900 [overflow-wrap:anywhere]"
          />
          <p id="embed-language" className="mt-1 text-sm text-stone-600">
            {t("language")}
          </p>
        </div>
        <div>
          <h3 className="text-sm font-semibold text-stone-900">{t("allowed")}</h3>
          {campaign.signupOrigins.length ? (
            <ul className="mt-1 list-disc space-y-1 pl-5 text-sm [overflow-wrap:anywhere]" data-testid="embed-origins">
              {campaign.signupOrigins.map((origin) => (
                <li key={origin} className="font-mono">
                  {origin}
                </li>
              ))}
            </ul>
          ) : (
            <p className="mt-1 text-sm text-amber-900" data-testid="embed-nowhere">
              {t("none")}
            </p>
          )}
          {campaign.lead ? (
            <a
              href={`/dashboard/${org}/campaigns/${campaign.slug}#signupOrigins`}
              className="mt-2 inline-block text-sm text-brand-700 underline underline-offset-2"
            >
              {t("settings")}
            </a>
          ) : null}
        </div>
      </div>
    </Card>
  );
}
