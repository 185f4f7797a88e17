// One file per area, merged per language; each file holds its own top-level namespaces.
import core from "./en/core.json";
import editor from "./en/editor.json";
import publicPages from "./en/public.json";

const en = { ...core, ...editor, ...publicPages };

export type Messages = typeof en;
export const messagesByLocale = { en } satisfies Record<string, Messages>;
