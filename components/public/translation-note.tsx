import { useTranslations } from "next-intl";

/** Under a translated text: that it is a translation, and a plain link to the original (no JavaScript needed). */
export function TranslationNote({ translated, original, path }: { translated: string | null; original: boolean; path: string }) {
  const t = useTranslations("public.translation");
  if (original) {
    return (
      <p className="text-sm text-stone-600">
        {t("original")}{" "}
        <a href={path} className="text-brand-700 underline">
          {t("showTranslation")}
        </a>
      </p>
    );
  }
  if (!translated) return null;
  return (
    <p className="text-sm text-stone-600">
      {t("note")}{" "}
      <a href={`${path}?original=1`} className="text-brand-700 underline">
        {t("showOriginal")}
      </a>
    </p>
  );
}
