import { useTranslations } from "next-intl";
import { PageHead } from "./document";

export function NotFoundPage() {
  const t = useTranslations("errors");
  return (
    <div className="py-8 text-center">
      <PageHead title={t("notFoundTitle")} />
      <h1 className="text-2xl font-bold">{t("notFoundTitle")}</h1>
      <p className="mt-3 text-stone-700">{t("notFound")}</p>
      <a href="/" className="mt-6 inline-block text-brand-700 underline">
        {t("backHome")}
      </a>
    </div>
  );
}
