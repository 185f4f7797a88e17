// One file per area, merged per language; each file holds its own top-level namespaces.
import articles from "./en/articles.json";
import attendees from "./en/attendees.json";
import core from "./en/core.json";
import editor from "./en/editor.json";
import exportsUi from "./en/exports.json";
import mail from "./en/mail.json";
import mailbox from "./en/mailbox.json";
import publicPages from "./en/public.json";
import retention from "./en/retention.json";
import trials from "./en/trials.json";

const en = { ...core, ...editor, ...publicPages, ...attendees, ...exportsUi, ...retention, ...mail, ...mailbox, ...articles, ...trials };

export type Messages = typeof en;
export const messagesByLocale = { en } satisfies Record<string, Messages>;
