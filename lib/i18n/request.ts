import { getRequestConfig } from "next-intl/server";
import { headers } from "next/headers";
import { localeFromHeaders } from "./config";
import { messagesByLocale } from "./messages";

export default getRequestConfig(async () => {
  const locale = localeFromHeaders(await headers());
  return {
    locale,
    // Event times always name their own zone; this is only the fallback for other dates.
    timeZone: "UTC",
    messages: messagesByLocale[locale],
  };
});
