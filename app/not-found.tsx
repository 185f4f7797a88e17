import { getTranslations } from "next-intl/server";
import { ErrorMessage } from "@/components/ui/error-message";

export default async function NotFound() {
  const t = await getTranslations("errors");
  return (
    <main id="main" className="mx-auto max-w-xl px-4 py-16 text-center">
      <ErrorMessage title={t("notFoundTitle")} text={t("notFound")} back={{ href: "/", label: t("backHome") }} />
    </main>
  );
}
