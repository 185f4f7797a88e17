import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import type { DbHandle } from "@/db/client";
import { closeTestDatabase, makeEvent, makeOrg, openTestDatabase, unique } from "@/db/testing";
import { handleForm } from "@/lib/actions";
import { PublicError } from "@/lib/errors";
import { signupSchema } from "@/lib/signups/schemas";
import { signUpAtPublicEvent } from "@/lib/signups/public-signup";
import { cachedPage, clearPageCache, type CachedPage } from "./page-cache";

// Only a stored change outdates the public pages kept in memory: a refused form, a page not found or a
// repeated sign-up changes nothing, so the kept page is served again (a hit), not rendered again (a miss).

let handle: DbHandle;
let orgId: string;
beforeAll(async () => {
  handle = await openTestDatabase();
  orgId = (await makeOrg(handle)).org.id;
});
afterAll(closeTestDatabase);
afterEach(() => clearPageCache());

let renders = 0;
const render = async (version: number): Promise<CachedPage> => ({ status: 200, headers: [], body: `render ${++renders}`, renderedAt: Date.now(), version });
/** Whether the kept page had to be rendered again since the last look. */
async function renderedAgain(): Promise<boolean> {
  const before = renders;
  await cachedPage("en /c/x/y", render, 60_000);
  return renders > before;
}

const form = (values: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(values)) data.set(k, v);
  return data;
};
const schema = z.object({ title: z.string().min(1, "validation.required") });

describe("what outdates the kept public pages", () => {
  it("a form refused by its schema or by lib does not; one that stores does", async () => {
    expect(await renderedAgain()).toBe(true);
    expect(await renderedAgain()).toBe(false);
    await handleForm(schema, form({ title: "" }), async () => ({ status: "ok" }));
    await handleForm(schema, form({ title: "x" }), async () => {
      throw new PublicError("errors.notFound");
    });
    expect(await renderedAgain()).toBe(false);
    await handleForm(schema, form({ title: "x" }), async () => ({ status: "ok" }));
    expect(await renderedAgain()).toBe(true);
  });

  it("a sign-up for an event not found, or by an address already signed up, does not; a new sign-up does", async () => {
    const { event, campaign } = await makeEvent(handle, orgId);
    const headers = new Headers({ "x-forwarded-for": "203.0.113.9" });
    const person = signupSchema.parse({ name: "Ana", email: `${unique("ana")}@test.example` });
    expect(await renderedAgain()).toBe(true);
    await expect(signUpAtPublicEvent(campaign.slug, "no-such-event", person, headers)).rejects.toThrow("errors.notFound");
    expect(await renderedAgain()).toBe(false);
    await signUpAtPublicEvent(campaign.slug, event.slug, person, headers);
    expect(await renderedAgain()).toBe(true);
    await signUpAtPublicEvent(campaign.slug, event.slug, person, headers);
    expect(await renderedAgain()).toBe(false);
  });
});
