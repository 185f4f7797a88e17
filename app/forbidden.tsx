import { getTranslations } from "next-intl/server";
import { ErrorMessage } from "@/components/ui/error-message";

export default async function Forbidden() {
  const t = await getTranslations("errors");
  return (
    <main id="main" className="mx-auto max-w-xl px-4 py-16 text-center">
      <ErrorMessage title={t("forbiddenTitle")} text={t("forbidden")} back={{ href: "/dashboard", label: t("backDashboard") }} />
    </main>
  );
}
