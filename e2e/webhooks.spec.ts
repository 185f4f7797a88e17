import { createHmac, timingSafeEqual } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import http from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect as expectNow, test, type Page } from "@playwright/test";
import { smtpPort } from "../playwright.config";
import { loggedIn } from "./support/auth";
import { PHONE, scrollsSideways } from "./support/phone";
import { seedStore, startServer, testPort } from "./support/server";

// An owner on a phone connects the campaign to a tool of their own: registers a webhook to a receiver on this machine,
// copies the secret shown once, sends a test, and sees it delivered in the log. The receiver checks the signature.
// A server of its own: only it may call 127.0.0.1 (PICKET_FETCH_ALLOW_LOOPBACK), never the suite's.

const ORG = "campaign-kazakhstan";
const CAMPAIGN = "Day of action at Kazakhstan's embassies";
const expect = expectNow.configure({ timeout: 30_000 });
// Set SHOTS_DIR to keep screenshots of the pages.
const shots = process.env.SHOTS_DIR;

async function shot(page: Page, name: string) {
  if (!shots) return;
  mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: path.join(shots, `${name}.png`), fullPage: true });
}

interface Call {
  topic: string;
  signature: string;
  body: string;
}

function verified(secret: string, call: Call): boolean {
  const [t, v1] = call.signature.split(",").map((p) => p.split("=")[1] ?? "");
  const expected = createHmac("sha256", secret).update(`${t}.${call.body}`).digest();
  const given = Buffer.from(v1 ?? "", "hex");
  return given.length === expected.length && timingSafeEqual(given, expected);
}

test("an owner on a phone registers a webhook, sees its secret once, sends a test and sees it delivered", async ({ browser }) => {
  test.setTimeout(300_000);
  const calls: Call[] = [];
  const receiver = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      calls.push({
        topic: String(req.headers["picket-topic"]),
        signature: String(req.headers["picket-signature"]),
        body: Buffer.concat(chunks).toString("utf8"),
      });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(testPort(30), "127.0.0.1", resolve));
  const dir = mkdtempSync(path.join(tmpdir(), "picket-webhooks-"));
  const store = { PICKET_DATA_DIR: dir };
  await seedStore(store);
  const server = await startServer(store, testPort(31), {
    PICKET_FETCH_ALLOW_LOOPBACK: "1",
    PICKET_OUTBOX_INTERVAL_SECONDS: "1",
    SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
  });
  try {
    const { context, page } = await loggedIn(browser, "owner@picket.example", { ...PHONE, baseURL: server.base });
    await page.goto(`/en/dashboard/${ORG}`);
    await page.getByRole("navigation", { name: "Organisation" }).getByRole("link", { name: "Webhooks" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Webhooks" })).toBeVisible();
    await expect(page.getByTestId("webhooks-empty")).toBeVisible();

    // A private address is refused next to the field, and what was typed stays.
    const address = page.getByLabel("Address (https://)");
    await address.fill("https://10.0.0.1/hooks");
    await page.getByLabel("Campaign", { exact: true }).selectOption({ label: CAMPAIGN });
    await page.getByRole("button", { name: "Add webhook" }).click();
    await expect(page.getByText("This address leads into a private, local or reserved network.")).toBeVisible();
    await expect(address).toHaveValue("https://10.0.0.1/hooks");
    await expect(address).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByLabel("Campaign", { exact: true })).toHaveValue(/[0-9a-f-]{36}/);

    await address.fill(`http://127.0.0.1:${testPort(30)}/picket`);
    await expect(page.getByText("copied there, beyond Picket's encryption, retention and erasure", { exact: false })).toBeVisible();
    await page.getByRole("button", { name: "Add webhook" }).click();
    const once = page.getByTestId("webhook-secret-once");
    await expect(once).toContainText("Copy its secret now");
    const secret = await page.getByTestId("webhook-secret").inputValue();
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const item = page.getByTestId("webhook-item");
    await expect(item).toContainText(`127.0.0.1:${testPort(30)}/picket`);
    await expect(item).toContainText(CAMPAIGN);
    await expect(item).toContainText("No: counts only");
    expect(await scrollsSideways(page)).toBe(false);

    await item.getByRole("button", { name: "Send a test" }).click();
    await expect(item.getByText("A test call (ping) is queued")).toBeVisible();
    await item.getByRole("link", { name: "Delivery log" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Delivery log" })).toBeVisible();
    // The worker delivers every second: the page shows it once it is done.
    await expect(async () => {
      await page.reload();
      await expectNow(page.locator('[data-testid="delivery-item"][data-topic="ping"]')).toHaveAttribute("data-status", "sent", { timeout: 1_000 });
    }).toPass({ timeout: 60_000 });
    const ping = page.locator('[data-testid="delivery-item"][data-topic="ping"]');
    await expect(ping).toContainText("Delivered");
    await expect(ping).toContainText("Answer: 204");
    await expect(ping).toContainText("UTC");
    expect(await scrollsSideways(page)).toBe(false);
    const received = calls.find((c) => c.topic === "ping");
    expect(received).toBeDefined();
    expect(verified(secret, received!)).toBe(true);
    expect(verified("not-the-secret-not-the-secret-00", received!)).toBe(false);
    // The campaign's events were announced too, signed the same way; no one's details.
    expect(calls.filter((c) => c.topic === "event.created").length).toBeGreaterThan(0);
    expect(calls.every((c) => verified(secret, c))).toBe(true);
    expect(calls.some((c) => c.body.includes("@picket.example") || c.body.includes("@example."))).toBe(false);

    // In Russian, at 360 px and at 1280 px.
    await page.goto(`/ru/dashboard/${ORG}/webhooks`);
    await expect(page.getByRole("heading", { level: 1, name: "Вебхуки" })).toBeVisible();
    expect(await scrollsSideways(page)).toBe(false);
    await shot(page, "webhooks-ru-360");
    await page.getByRole("link", { name: "Журнал отправок" }).click();
    await expect(page.locator('[data-testid="delivery-item"][data-topic="ping"]')).toContainText("Доставлено");
    await shot(page, "webhook-log-ru-360");
    await page.setViewportSize({ width: 1280, height: 900 });
    await expect(page.locator('[data-testid="delivery-row"][data-topic="ping"]')).toContainText("Доставлено");
    await shot(page, "webhook-log-ru-1280");
    await page.goto(`/ru/dashboard/${ORG}/webhooks`);
    await shot(page, "webhooks-ru-1280");

    // Deleting asks first.
    await page.setViewportSize({ width: PHONE.viewport.width, height: PHONE.viewport.height });
    await page.goto(`/en/dashboard/${ORG}/webhooks`);
    await page.getByTestId("webhook-item").getByRole("button", { name: "Delete" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Delete webhook" }).click();
    await expect(page.getByText("Webhook deleted.")).toBeVisible();
    await expect(page.getByTestId("webhooks-empty")).toBeVisible();
    await context.close();
  } finally {
    await server.stop();
    await new Promise((resolve) => receiver.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  }
});

test("the webhooks page is an owner's: an organizer has no link to it and is refused", async ({ browser }) => {
  const { context, page } = await loggedIn(browser, "organizer@picket.example");
  await page.goto(`/en/dashboard/${ORG}`);
  await expect(page.getByRole("navigation", { name: "Organisation" }).getByRole("link", { name: "Webhooks" })).toHaveCount(0);
  const res = await page.goto(`/en/dashboard/${ORG}/webhooks`);
  expect(res?.status()).toBe(403);
  await context.close();
});
