import { useTranslations } from "next-intl";
import { ErrorMessage } from "@/components/ui/error-message";
import { PageHead } from "./document";

export function NotFoundPage() {
  const t = useTranslations("errors");
  return (
    <div className="py-8 text-center">
      <PageHead title={t("notFoundTitle")} />
      <ErrorMessage title={t("notFoundTitle")} text={t("notFound")} back={{ href: "/", label: t("backHome") }} />
    </div>
  );
}

/** A page that could not be read just now (the database did not answer): nothing is lost, try again. */
export function UnavailablePage() {
  const t = useTranslations("errors");
  return (
    <div className="py-8 text-center">
      <PageHead title={t("generic")} />
      <ErrorMessage title={t("generic")} back={{ href: "/", label: t("backHome") }} />
    </div>
  );
}
