import { getLocale, getTranslations } from "next-intl/server";
import { ConfirmDeleteForm } from "@/components/trials/confirm-delete-form";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { LOCALE_NAMES, LOCALES, type AppLocale } from "@/lib/i18n/config";
import type { FormAction } from "@/lib/forms";
import { formatInstant } from "@/lib/time/format";
import { TranslationForm, type TranslationValues } from "./translation-form";

/** The translations of a campaign's or an event's text, for its organizers: list, edit, delete, add. */
export async function TranslationsPanel({
  kind,
  hidden,
  translations,
  save,
  remove,
  original,
  notice,
}: {
  kind: "campaign" | "event";
  hidden: Record<string, string>;
  translations: (TranslationValues & { updatedAt: Date })[];
  save: FormAction;
  remove: FormAction;
  /** The language the text itself is written in: never offered as a translation. */
  original: string;
  /** What the last change did ("saved:ru", "deleted:ru", from the address): said only while still true. */
  notice?: string;
}) {
  const t = await getTranslations("translations.dashboard");
  const locale = await getLocale();
  const name = (code: string) => LOCALE_NAMES[code as AppLocale] ?? code;
  const missing = LOCALES.filter((l) => l !== original && !translations.some((x) => x.locale === l)).map((code) => ({ code, name: name(code) }));
  const [done, doneLocale] = (notice ?? "").split(":");
  const exists = translations.some((x) => x.locale === doneLocale);
  const said = done === "saved" && exists ? t("saved") : done === "deleted" && doneLocale && !exists ? t("deleted") : null;
  // A form whose translation changed starts afresh: nothing typed before the change, no outcome of before.
  const version = translations.map((x) => `${x.locale}@${x.updatedAt.toISOString()}`).join(",");
  return (
    <Card>
      <h2 id="translations" className="scroll-mt-4 text-lg font-semibold">
        {t("title")}
      </h2>
      <p className="mt-1 text-sm text-stone-600">{t(kind === "campaign" ? "leadCampaign" : "leadEvent")}</p>
      <p className="mt-1 text-sm text-stone-700" data-testid="original-language">
        {t("original", { language: name(original) })}
      </p>
      {said ? (
        <div className="mt-3">
          <Alert tone="success">{said}</Alert>
        </div>
      ) : null}
      {translations.length === 0 ? <p className="mt-3 text-sm text-stone-700">{t("none")}</p> : null}
      <ul className="mt-3 space-y-3">
        {translations.map((tr) => (
          <li key={tr.locale} className="rounded-md border border-stone-200 p-3" data-testid={`translation-${tr.locale}`}>
            <p className="font-medium">
              <span lang={tr.locale}>{name(tr.locale)}</span> · <span lang={tr.locale}>{tr.title}</span>
            </p>
            <p className="text-xs text-stone-600">{t("updated", { when: formatInstant(locale, tr.updatedAt, "UTC") })}</p>
            <div className="mt-2 flex flex-wrap items-start gap-3">
              <details className="w-full">
                <summary className="cursor-pointer text-sm font-medium text-brand-700">{t("edit")}</summary>
                <div className="mt-3">
                  <TranslationForm
                    key={tr.updatedAt.toISOString()}
                    action={save}
                    kind={kind}
                    hidden={hidden}
                    languages={[]}
                    existing={tr}
                    id={`tr-${kind}-${tr.locale}`}
                  />
                </div>
              </details>
              <ConfirmDeleteForm
                id={`tr-delete-${kind}-${tr.locale}`}
                action={remove}
                fields={{ ...hidden, locale: tr.locale }}
                label={t("delete")}
                title={t("deleteTitle", { language: name(tr.locale) })}
                body={t("deleteBody")}
                confirmLabel={t("delete")}
                cancelLabel={t("cancel")}
              />
            </div>
          </li>
        ))}
      </ul>
      {missing.length ? (
        <details className="mt-4" open={translations.length === 0 ? undefined : undefined}>
          <summary className="cursor-pointer font-medium text-brand-700">{t("add")}</summary>
          <div className="mt-3">
            <TranslationForm key={version} action={save} kind={kind} hidden={hidden} languages={missing} id={`tr-${kind}-new`} />
          </div>
        </details>
      ) : null}
    </Card>
  );
}
