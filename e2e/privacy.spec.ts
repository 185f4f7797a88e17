import { request as httpRequest } from "node:http";
import { expect, test, type Browser } from "@playwright/test";
import pg from "pg";
import { EventPage, OwnSignupPage } from "./pages";
import { unique } from "./support/data";
import { mailTo, privateLinkFor, waitForMail } from "./support/inbox";
import { ADMIN_URL, freshDatabase, postgresMissing, postSignup, seedStore, startServer, testPort } from "./support/server";

// What an adversary who knows an activist's address can try from outside: learn whether they signed up,
// make the organisation email them a genuine link to another site, read them in the server's logs.

const CAMPAIGN = "embassy-day-of-action";
// No capacity: every sign-up is confirmed, and the page shows no count that a new sign-up would change.
const OPEN_EVENT = "embassy-protest-berlin";

/** A POST as any client may send it, with whatever Host and forwarding headers it likes. */
function rawPost(
  base: string,
  path: string,
  body: unknown,
  headers: Record<string, string>,
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: "127.0.0.1", port: url.port, path, method: "POST", headers: { "content-type": "application/json", ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString("utf8") }));
    });
    req.on("error", reject);
    req.end(JSON.stringify(body));
  });
}

/** The form's answer without JavaScript: the post's status and where it sends the reader, and the page there (nonces aside). */
async function formAnswer(browser: Browser, name: string, email: string) {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const event = new EventPage(page);
  await event.open(CAMPAIGN, OPEN_EVENT);
  await event.fill({ name, email });
  const [post] = await Promise.all([page.waitForResponse((r) => r.request().method() === "POST"), event.submit()]);
  await page.waitForLoadState();
  const answer = {
    status: post.status(),
    location: (await post.headerValue("location")) ?? (await post.headerValue("x-action-redirect")),
    url: page.url(),
    page: (await page.locator("main").innerHTML()).replace(/nonce="[^"]*"/g, ""),
  };
  await context.close();
  return answer;
}

test("the answer to a sign-up is the same whether or not the address was signed up: form without JavaScript and JSON API", async ({ browser, baseURL }) => {
  const activist = `activist-${unique()}@example.org`;
  // The activist signs up first; the probe comes after, from someone who knows the address.
  const first = await formAnswer(browser, "Gulnara", activist);
  const probe = await formAnswer(browser, "Probe", activist);
  const stranger = await formAnswer(browser, "Stranger", `stranger-${unique()}@example.org`);
  expect(first.url).toBe(`${baseURL}/en/c/${CAMPAIGN}/${OPEN_EVENT}?signup=confirmed#signup`);
  expect(probe).toEqual(first);
  expect(stranger).toEqual(first);

  const api = async (email: string) => {
    const res = await fetch(`${baseURL}/api/c/${CAMPAIGN}/${OPEN_EVENT}/signups`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: "Api", email }),
    });
    const headers = Object.fromEntries([...res.headers].filter(([k]) => !["date", "content-security-policy"].includes(k)));
    return { status: res.status, headers, body: new Uint8Array(await res.arrayBuffer()) };
  };
  const apiActivist = `api-activist-${unique()}@example.org`;
  const apiFirst = await api(apiActivist);
  const apiProbe = await api(apiActivist);
  const apiStranger = await api(`api-stranger-${unique()}@example.org`);
  expect(apiFirst.status).toBe(201);
  expect(new TextDecoder().decode(apiFirst.body)).toBe('{"status":"confirmed"}');
  expect(apiProbe).toEqual(apiFirst);
  expect(apiStranger).toEqual(apiFirst);

  // What the probe did reaches only the activist's own inbox: their confirmation, then a new link.
  const mails = await waitForMail(activist, 2);
  expect(mails.map((m) => m.subject)).toEqual([`You're signed up: Protest at the embassy in Berlin`, `Your sign-up for Protest at the embassy in Berlin`]);
  expect(mails[1]!.text).not.toContain("Probe");
});

test("links in emails point only at the site's own address, whatever Host or X-Forwarded-Host a request names", async ({ browser, baseURL }) => {
  const spoofed = { host: "evil.example", "x-forwarded-host": "evil.example", "x-forwarded-proto": "https", origin: baseURL! };
  const victim = `victim-${unique()}@example.org`;
  const path = `/api/c/${CAMPAIGN}/${OPEN_EVENT}/signups`;
  expect((await rawPost(baseURL!, path, { name: "Victim", email: victim }, spoofed)).status).toBe(201);
  // The attacker's duplicate, to have a link resent.
  expect((await rawPost(baseURL!, path, { name: "Attacker", email: victim }, spoofed)).status).toBe(201);

  // A cancellation that frees a place for the first on the waitlist, posted with a spoofed forwarded host.
  // "verdict" has 5 places and a waitlist, and no other test signs up for it.
  const people = Array.from({ length: 6 }, (_, i) => `verdict-${i}-${unique()}@example.org`);
  for (const email of people) expect(await postSignup(baseURL!, "zhanaozen-trial-watch", "verdict", { name: "Observer", email })).toBe(201);
  const context = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" } });
  const page = await context.newPage();
  await page.goto(await privateLinkFor(people[0]!));
  const own = new OwnSignupPage(page);
  await own.cancel();
  await expect(own.status).toHaveText("Cancelled");
  await context.close();

  const promoted = people[5]!;
  const mails = [...(await waitForMail(victim, 2)), ...(await waitForMail(promoted, 2))];
  expect(mails.map((m) => m.subject)).toEqual(expect.arrayContaining(["Your sign-up for Protest at the embassy in Berlin", "A place is yours: Verdict"]));
  for (const mail of mails) {
    const links = [...`${mail.text}\n${mail.html}`.matchAll(/https?:\/\/[^\s"'<>]+/g)].map((m) => new URL(m[0]).origin);
    expect(links.length).toBeGreaterThan(0);
    expect(new Set(links), mail.subject).toEqual(new Set([new URL(baseURL!).origin]));
    expect(`${mail.text}${mail.html}`).not.toContain("evil.example");
  }
});

test("the sign-up API takes JSON only, from this site or a site the campaign lists, and answers no other site's browser", async ({ baseURL }) => {
  const path = `${baseURL}/api/c/${CAMPAIGN}/${OPEN_EVENT}/signups`;
  const email = `form-post-${unique()}@example.org`;
  const form = await fetch(path, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: `name=Form&email=${encodeURIComponent(email)}`,
  });
  expect(form.status).toBe(415);
  const text = await fetch(path, { method: "POST", headers: { "content-type": "text/plain" }, body: JSON.stringify({ name: "Text", email }) });
  expect(text.status).toBe(415);

  const elsewhere = await fetch(path, {
    method: "POST",
    headers: { "content-type": "application/json", origin: "https://evil.example" },
    body: JSON.stringify({ name: "Cross", email }),
  });
  expect(elsewhere.status).toBe(403);
  expect(elsewhere.headers.get("access-control-allow-origin")).toBeNull();
  const preflight = await fetch(path, { method: "OPTIONS", headers: { origin: "https://evil.example", "access-control-request-method": "POST" } });
  expect(preflight.status).toBe(403);
  expect(preflight.headers.get("access-control-allow-origin")).toBeNull();
  // None of them stored anything or sent mail.
  await new Promise((r) => setTimeout(r, 2_500));
  expect(await mailTo(email)).toEqual([]);
});

test("a database that refuses in the middle of a sign-up flood leaves no name or address in anything the server prints", async () => {
  test.setTimeout(180_000);
  const missing = await postgresMissing();
  test.skip(missing !== null, missing ?? "");
  const db = await freshDatabase();
  const store = { DATABASE_URL: db.url };
  const name = new URL(db.url).pathname.slice(1);
  await seedStore(store);
  const server = await startServer(store, testPort(15));
  const run = unique();
  const people = new Map<string, string>();
  try {
    expect(await postSignup(server.base, CAMPAIGN, OPEN_EVENT, { name: `Warm ${run}`, email: `warm-${run}@example.org` })).toBe(201);
    let stop = false;
    const statuses: number[] = [];
    const worker = async (w: number) => {
      for (let i = 0; !stop; i++) {
        const person = { name: `Secret Surname ${run} ${w}x${i}`, email: `secret-${run}-${w}-${i}@example.org` };
        people.set(person.email, person.name);
        statuses.push(
          await postSignup(server.base, CAMPAIGN, OPEN_EVENT, { ...person, phone: "+7 701 555 0199", comment: `meet at the bridge ${run}` }).catch(() => 0),
        );
      }
    };
    const workers = Array.from({ length: 8 }, (_, w) => worker(w));
    const admin = new pg.Client({ connectionString: ADMIN_URL });
    await admin.connect();
    for (let round = 0; round < 4; round++) {
      await new Promise((r) => setTimeout(r, 700));
      await admin.query("select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()", [name]);
    }
    await admin.end();
    await new Promise((r) => setTimeout(r, 500));
    stop = true;
    await Promise.all(workers);
    // The flood met the refusals, and the server said so in its log.
    expect(statuses.filter((s) => s === 500).length, "sign-ups that failed").toBeGreaterThan(0);
    expect(statuses.filter((s) => s === 201).length, "sign-ups that worked").toBeGreaterThan(0);
    const printed = server.output();
    expect(printed).toContain("sign-up failed");
    expect(printed).toContain("57P01"); // PostgreSQL: terminating connection due to administrator command
    for (const [email, person] of people) {
      expect(printed).not.toContain(email);
      expect(printed).not.toContain(person);
    }
    expect(printed).not.toContain("Secret Surname");
    expect(printed).not.toContain("701 555 0199");
    expect(printed).not.toContain("meet at the bridge");
  } finally {
    await server.stop();
    await db.drop();
  }
});
