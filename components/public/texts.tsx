"use client";
import { createContext, useContext, type ReactNode } from "react";
import type { CarriedMessage } from "@/lib/forms";
import type { MessageKey } from "@/lib/i18n/keys";

// The texts the public pages' client components show, handed down by the server already in the reader's
// language (lib/i18n/client-messages.ts). Only plain messages with {name} placeholders come this way: the
// server formats plurals itself. Public pages so load no message formatter and no i18n library.

export type Texts = Record<string, string>;

const TextsContext = createContext<Texts>({});

export function PublicTexts({ texts, children }: { texts: Texts; children: ReactNode }) {
  return <TextsContext.Provider value={texts}>{children}</TextsContext.Provider>;
}

type Values = Record<string, string | number>;

export function fill(text: string, values?: Values): string {
  return values ? text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole)) : text;
}

/** The texts of a namespace ("signups.form"), with {name} placeholders filled. */
export function useTexts(namespace?: string) {
  const texts = useContext(TextsContext);
  const full = (key: string) => (namespace ? `${namespace}.${key}` : key);
  const t = (key: string, values?: Values) => {
    const text = texts[full(key)];
    return text === undefined ? full(key) : fill(text, values);
  };
  return Object.assign(t, { has: (key: string) => full(key) in texts });
}

/**
 * A message a form's state names ("validation.required", or with what it names as fieldError() carries it), as
 * text; a message the server did not hand down to public pages reads as the generic error.
 */
export function usePublicMessage() {
  const t = useTexts();
  return (message: MessageKey | CarriedMessage | undefined, values?: Values) => {
    if (!message) return undefined;
    const { key, values: named } = typeof message === "string" ? { key: message } : message;
    const all = named ? { ...named, ...values } : values;
    return t.has(key) ? t(key, all) : t("errors.generic");
  };
}
