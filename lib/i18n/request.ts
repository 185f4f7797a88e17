import { getRequestConfig } from "next-intl/server";
import { headers } from "next/headers";
import { pickLocale } from "./config";

export default getRequestConfig(async () => {
  const locale = pickLocale((await headers()).get("accept-language"));
  return {
    locale,
    // Event times always name their own zone; this is only the fallback for other dates.
    timeZone: "UTC",
    messages: (await import(`./messages/${locale}.json`)).default,
  };
});
