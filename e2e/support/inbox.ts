import { expect } from "@playwright/test";
import { inboxURL } from "../../playwright.config";

// The suite's mail catcher (MailDev, started beside the app by playwright.config.ts): what the app sent, as the
// people it wrote to would read it.

export interface InboxMail {
  id: string;
  subject: string;
  text: string;
  html: string;
  to: string;
  time: string;
}

interface MailDevEmail {
  id: string;
  subject: string;
  text?: string;
  html?: string;
  time: string;
  to: { address: string }[];
}

/** Every message to the address so far, oldest first. */
export async function mailTo(address: string): Promise<InboxMail[]> {
  const res = await fetch(`${inboxURL}/api/email`);
  const all = (await res.json()) as MailDevEmail[];
  return all
    .filter((m) => m.to.some((t) => t.address.toLowerCase() === address.toLowerCase()))
    .map((m) => ({ id: m.id, subject: m.subject, text: m.text ?? "", html: m.html ?? "", to: address, time: m.time }));
}

/** Waits (the app's worker sends every second) until `count` messages to the address have arrived. */
export async function waitForMail(address: string, count = 1): Promise<InboxMail[]> {
  let found: InboxMail[] = [];
  await expect
    .poll(async () => (found = await mailTo(address)).length, { message: `${count} message(s) to ${address}`, timeout: 20_000 })
    .toBeGreaterThanOrEqual(count);
  return found;
}

/** The private link in the newest message to the address that carries one. */
export async function privateLinkFor(address: string, count = 1): Promise<string> {
  const mails = await waitForMail(address, count);
  const carrying = mails.filter((m) => /\/s\/[A-Za-z0-9_-]{43}/.test(m.text));
  const link = carrying.at(-1)?.text.match(/https?:\/\/[^\s]+\/s\/[A-Za-z0-9_-]{43}/)?.[0];
  if (!link) throw new Error(`no private link in the mail to ${address}`);
  return link;
}
