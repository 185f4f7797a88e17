import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { signups } from "@/db/schema";
import { closeTestDatabase, makeEvent, makeOrg, openTestDatabase } from "@/db/testing";
import { signUpWithForm } from "./public-signup";

// The one sign-up behind the event page's form and its embed's: the form's fields in, a sign-up or the refused
// form out. The embed answers the refused form in its own response, so what was typed must come back whole.

let handle: DbHandle;
let target: { campaign: string; event: string; eventId: string };
beforeAll(async () => {
  handle = await openTestDatabase();
  const { org } = await makeOrg(handle);
  const { campaign, event } = await makeEvent(handle, org.id, { capacity: 50 });
  target = { campaign: campaign.slug, event: event.slug, eventId: event.id };
});
afterAll(closeTestDatabase);

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.append(k, v);
  return data;
};
const from = (address: string, origin?: string) => new Headers({ "x-forwarded-for": address, ...(origin ? { origin } : {}) });
const stored = async () => (await handle.db.select({ id: signups.id }).from(signups).where(eq(signups.eventId, target.eventId))).length;

describe("a sign-up form's post", () => {
  it("refused: the messages next to the fields and everything typed, and nothing stored", async () => {
    const before = await stored();
    const posted = await signUpWithForm(
      target.campaign,
      target.event,
      form({ mode: "named", name: "Aigerim", email: "not-an-address", consent: "on" }),
      from("10.1.0.1"),
    );
    expect("refused" in posted).toBe(true);
    if (!("refused" in posted)) return;
    expect(posted.refused).toMatchObject({
      status: "error",
      fieldErrors: { email: expect.any(String) },
      values: { name: "Aigerim", email: "not-an-address", consent: "on" },
    });
    expect(await stored()).toBe(before);
  });

  it("signed up: the same answer for a person and for a bot that filled the hidden field, which stores nothing", async () => {
    const before = await stored();
    const person = await signUpWithForm(target.campaign, target.event, form({ mode: "named", name: "Ewa", email: "ewa@example.org" }), from("10.1.0.2"));
    const bot = await signUpWithForm(
      target.campaign,
      target.event,
      form({ mode: "named", name: "Bot", email: "bot@example.org", website: "https://spam.example" }),
      from("10.1.0.3"),
    );
    expect("done" in person && person.done.outcome).toBe("confirmed");
    expect("done" in bot && bot.done.outcome).toBe("confirmed");
    expect(await stored()).toBe(before + 1);
  });

  it("from a page of a site the campaign does not list: refused with a message, nothing stored", async () => {
    const before = await stored();
    const posted = await signUpWithForm(
      target.campaign,
      target.event,
      form({ mode: "named", name: "Lena", email: "lena@example.org" }),
      from("10.1.0.4", "https://elsewhere.example"),
    );
    expect("refused" in posted && posted.refused).toMatchObject({ status: "error", formError: "signups.originRefused" });
    expect(await stored()).toBe(before);
  });

  it("an event split into shifts: the boxes ticked arrive as one field", async () => {
    const posted = await signUpWithForm(target.campaign, target.event, form({ mode: "named", name: "Jonas", email: "x", shift: "a" }), from("10.1.0.5"));
    expect("refused" in posted && posted.refused.status === "error" && posted.refused.values.shifts).toBe("a");
  });
});
