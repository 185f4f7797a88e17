import type messages from "./lib/i18n/messages/en.json";
import type { AppLocale } from "./lib/i18n/config";

declare module "next-intl" {
  interface AppConfig {
    Locale: AppLocale;
    Messages: typeof messages;
  }
}
