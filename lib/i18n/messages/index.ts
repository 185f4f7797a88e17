// One file per area, merged per language; each file holds its own top-level namespaces.

import en_core from "./en/core.json";
import en_editor from "./en/editor.json";
import en_publicPages from "./en/public.json";
import en_attendees from "./en/attendees.json";
import en_exportsUi from "./en/exports.json";
import en_retention from "./en/retention.json";
import en_mail from "./en/mail.json";
import en_mailbox from "./en/mailbox.json";
import en_articles from "./en/articles.json";
import en_trials from "./en/trials.json";
import en_access from "./en/access.json";
import en_account from "./en/account.json";
import en_webhooks from "./en/webhooks.json";
import ru_core from "./ru/core.json";
import ru_editor from "./ru/editor.json";
import ru_publicPages from "./ru/public.json";
import ru_attendees from "./ru/attendees.json";
import ru_exportsUi from "./ru/exports.json";
import ru_retention from "./ru/retention.json";
import ru_mail from "./ru/mail.json";
import ru_mailbox from "./ru/mailbox.json";
import ru_articles from "./ru/articles.json";
import ru_trials from "./ru/trials.json";
import ru_access from "./ru/access.json";
import ru_account from "./ru/account.json";
import ru_webhooks from "./ru/webhooks.json";
import kk_core from "./kk/core.json";
import kk_editor from "./kk/editor.json";
import kk_publicPages from "./kk/public.json";
import kk_attendees from "./kk/attendees.json";
import kk_exportsUi from "./kk/exports.json";
import kk_retention from "./kk/retention.json";
import kk_mail from "./kk/mail.json";
import kk_mailbox from "./kk/mailbox.json";
import kk_articles from "./kk/articles.json";
import kk_trials from "./kk/trials.json";
import kk_access from "./kk/access.json";
import kk_account from "./kk/account.json";
import kk_webhooks from "./kk/webhooks.json";
import de_core from "./de/core.json";
import de_editor from "./de/editor.json";
import de_publicPages from "./de/public.json";
import de_attendees from "./de/attendees.json";
import de_exportsUi from "./de/exports.json";
import de_retention from "./de/retention.json";
import de_mail from "./de/mail.json";
import de_mailbox from "./de/mailbox.json";
import de_articles from "./de/articles.json";
import de_trials from "./de/trials.json";
import de_access from "./de/access.json";
import de_account from "./de/account.json";
import de_webhooks from "./de/webhooks.json";
import fr_core from "./fr/core.json";
import fr_editor from "./fr/editor.json";
import fr_publicPages from "./fr/public.json";
import fr_attendees from "./fr/attendees.json";
import fr_exportsUi from "./fr/exports.json";
import fr_retention from "./fr/retention.json";
import fr_mail from "./fr/mail.json";
import fr_mailbox from "./fr/mailbox.json";
import fr_articles from "./fr/articles.json";
import fr_trials from "./fr/trials.json";
import fr_access from "./fr/access.json";
import fr_account from "./fr/account.json";
import fr_webhooks from "./fr/webhooks.json";
import pl_core from "./pl/core.json";
import pl_editor from "./pl/editor.json";
import pl_publicPages from "./pl/public.json";
import pl_attendees from "./pl/attendees.json";
import pl_exportsUi from "./pl/exports.json";
import pl_retention from "./pl/retention.json";
import pl_mail from "./pl/mail.json";
import pl_mailbox from "./pl/mailbox.json";
import pl_articles from "./pl/articles.json";
import pl_trials from "./pl/trials.json";
import pl_access from "./pl/access.json";
import pl_account from "./pl/account.json";
import pl_webhooks from "./pl/webhooks.json";

const en = {
  ...en_core, ...en_editor, ...en_publicPages, ...en_attendees, ...en_exportsUi, ...en_retention,
  ...en_mail, ...en_mailbox, ...en_articles, ...en_trials, ...en_access, ...en_account,
  ...en_webhooks,
};
const ru = {
  ...ru_core, ...ru_editor, ...ru_publicPages, ...ru_attendees, ...ru_exportsUi, ...ru_retention,
  ...ru_mail, ...ru_mailbox, ...ru_articles, ...ru_trials, ...ru_access, ...ru_account,
  ...ru_webhooks,
};
const kk = {
  ...kk_core, ...kk_editor, ...kk_publicPages, ...kk_attendees, ...kk_exportsUi, ...kk_retention,
  ...kk_mail, ...kk_mailbox, ...kk_articles, ...kk_trials, ...kk_access, ...kk_account,
  ...kk_webhooks,
};
const de = {
  ...de_core, ...de_editor, ...de_publicPages, ...de_attendees, ...de_exportsUi, ...de_retention,
  ...de_mail, ...de_mailbox, ...de_articles, ...de_trials, ...de_access, ...de_account,
  ...de_webhooks,
};
const fr = {
  ...fr_core, ...fr_editor, ...fr_publicPages, ...fr_attendees, ...fr_exportsUi, ...fr_retention,
  ...fr_mail, ...fr_mailbox, ...fr_articles, ...fr_trials, ...fr_access, ...fr_account,
  ...fr_webhooks,
};
const pl = {
  ...pl_core, ...pl_editor, ...pl_publicPages, ...pl_attendees, ...pl_exportsUi, ...pl_retention,
  ...pl_mail, ...pl_mailbox, ...pl_articles, ...pl_trials, ...pl_access, ...pl_account,
  ...pl_webhooks,
};

export type Messages = typeof en;
export const messagesByLocale = { en, ru, kk, de, fr, pl } satisfies Record<string, Messages>;
