"use client";
import { useTranslations } from "next-intl";
import type { CarriedMessage } from "@/lib/forms";
import type { MessageKey } from "@/lib/i18n/keys";

/** Translates a message a form's state or an API answer names: a key, or a key with the values it names. */
export function useMessageText() {
  const t = useTranslations();
  return (message: MessageKey | CarriedMessage | null | undefined, values?: Record<string, string | number>) => {
    if (!message) return undefined;
    const { key, values: named } = typeof message === "string" ? { key: message } : message;
    // Keys are typed, but some arrive over the network (an API's refusal): one this build does not know reads as generic.
    return t.has(key) ? t(key, named ? { ...named, ...values } : values) : t("errors.generic");
  };
}
