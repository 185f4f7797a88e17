import { expect, type Locator, type Page } from "@playwright/test";
import messages from "../../lib/i18n/messages/en/editor.json" with { type: "json" };

/** A server action that creates, then redirects to a page rendered afresh: slow on a busy machine. */
const LANDING = { timeout: 30_000 };

// Labels come from the message file, so copy changes do not break the specs.
const m = messages.editor;
const d = messages.campaigns.dashboard;

export type CampaignKind = keyof typeof m.campaignKinds;
export type EventKind = keyof typeof m.eventKinds;

export interface CampaignFields {
  title?: string;
  kind?: CampaignKind;
  summary?: string;
  body?: string;
  appealUrl?: string;
  retentionDays?: string;
  slug?: string;
  /** Other sites that may send sign-ups and frame the embeds, one origin a line. */
  signupOrigins?: string;
}

/** Local times at the place, as "YYYY-MM-DDTHH:mm"; country as an ISO code, zone as an IANA name. */
export interface EventFields {
  title?: string;
  kind?: EventKind;
  description?: string;
  country?: string;
  city?: string;
  venue?: string;
  address?: string;
  latitude?: string;
  longitude?: string;
  onlineUrl?: string;
  timeZone?: string;
  startsLocal?: string;
  endsLocal?: string;
  deadlineLocal?: string;
  capacity?: string;
  waitlist?: boolean;
  roles?: string;
  slug?: string;
  /** What a sign-up asks for: "named", "pseudonymous" or "headcount". */
  signupMode?: string;
  approval?: boolean;
}

/** The overview (/dashboard/{org}) and the campaign list (/dashboard/{org}/campaigns): live counts per event. */
export class CampaignsDashboard {
  readonly main: Locator;
  readonly createFirstCampaign: Locator;
  readonly newCampaign: Locator;
  readonly liveState: Locator;

  constructor(readonly page: Page) {
    this.main = page.getByRole("main");
    this.createFirstCampaign = this.main.getByRole("link", { name: d.empty.create });
    this.newCampaign = this.main.getByRole("link", { name: d.newCampaign });
    this.liveState = this.main.getByTestId("live-state");
  }

  async gotoOverview(org: string) {
    await this.page.goto(`/dashboard/${org}`);
  }

  async gotoList(org: string) {
    await this.page.goto(`/dashboard/${org}/campaigns`);
  }

  campaignCard(slug: string): Locator {
    return this.main.locator(`[data-testid="campaign-card"][data-campaign="${slug}"]`);
  }

  /** An event's row, by its slug (titles repeat across a day of action's cities); `campaign` narrows to one card. */
  eventRow(eventSlug: string, campaign?: string): Locator {
    return (campaign ? this.campaignCard(campaign) : this.main).locator(`[data-testid="event-row"][data-event="${eventSlug}"]`);
  }

  /** "12 confirmed · 3 waitlisted · 20 places"; polls until it matches (the overview refreshes itself every ~5 s). */
  async expectCounts(eventSlug: string, text: string | RegExp, { campaign, timeout = 15_000 }: { campaign?: string; timeout?: number } = {}) {
    await expect(this.eventRow(eventSlug, campaign).getByTestId("signup-counts")).toContainText(text, { timeout });
  }

  async openEvent(eventSlug: string, campaign?: string) {
    await this.eventRow(eventSlug, campaign).getByRole("link").first().click();
  }
}

function fieldErrorIn(scope: Locator, name: string): Locator {
  return scope.locator(`[id="${name}-error"]`);
}

/** New campaign and campaign page: the form, publish / archive / back to draft, and the events list. */
export class CampaignEditor {
  readonly main: Locator;
  readonly form: Locator;
  readonly heading: Locator;
  readonly formError: Locator;
  readonly flash: Locator;
  readonly addEvent: Locator;

  constructor(readonly page: Page) {
    this.main = page.getByRole("main");
    this.form = this.main.getByTestId("campaign-form");
    this.heading = this.main.getByRole("heading", { level: 1 });
    this.formError = this.form.getByRole("alert");
    this.flash = this.main.getByRole("status").first();
    this.addEvent = this.main.getByRole("link", { name: d.addEvent }).first();
  }

  async gotoNew(org: string) {
    await this.page.goto(`/dashboard/${org}/campaigns/new`);
  }

  async goto(org: string, campaign: string) {
    await this.page.goto(`/dashboard/${org}/campaigns/${campaign}`);
  }

  async fill(fields: CampaignFields) {
    const f = this.form;
    if (fields.title !== undefined) await f.getByLabel(m.campaign.title, { exact: true }).fill(fields.title);
    if (fields.kind !== undefined) await f.getByLabel(m.campaign.kind, { exact: true }).selectOption(fields.kind);
    if (fields.summary !== undefined) await f.getByLabel(m.campaign.summary).fill(fields.summary);
    if (fields.body !== undefined) await f.getByLabel(m.campaign.body).fill(fields.body);
    if (fields.appealUrl !== undefined) await f.getByLabel(m.campaign.appealUrl).fill(fields.appealUrl);
    if (fields.retentionDays !== undefined) await f.getByLabel(m.campaign.retentionDays).fill(fields.retentionDays);
    if (fields.slug !== undefined) await f.getByLabel(m.campaign.slug).fill(fields.slug);
    if (fields.signupOrigins !== undefined) await f.getByLabel(m.campaign.signupOrigins).fill(fields.signupOrigins);
  }

  /** Creates the campaign and returns its slug, read from the page it lands on. */
  async create(fields: CampaignFields): Promise<string> {
    await this.fill(fields);
    await this.form.getByRole("button", { name: m.campaign.create }).click();
    await expect(this.page).toHaveURL(/\/campaigns\/[a-z0-9-]+\?created=1$/, LANDING);
    return new URL(this.page.url()).pathname.split("/").pop()!;
  }

  async save(fields: CampaignFields = {}) {
    await this.fill(fields);
    await this.form.getByRole("button", { name: m.campaign.save }).click();
  }

  fieldError(name: keyof CampaignFields): Locator {
    return fieldErrorIn(this.form, name);
  }

  async publish() {
    await this.main.getByRole("button", { name: new RegExp(`^(${m.status.publish}|${m.status.republish})$`) }).click();
    await expect(this.main.getByText(m.status.done.published, { exact: true })).toBeVisible();
    // Exact: the draft's address hint says "until the campaign is published". The status line is rendered from
    // the stored campaign: once it says published, the server has it.
    await expect(this.main.getByText(m.status.lead.published)).toBeVisible();
  }

  /** Archive or back to draft: a published campaign asks first. */
  async setStatus(target: "archived" | "draft") {
    await this.main.getByRole("button", { name: m.status.to[target], exact: true }).click();
    const dialog = this.page.getByRole("dialog");
    if (await dialog.isVisible()) await dialog.getByRole("button", { name: m.status.confirm[target].confirm, exact: true }).click();
    await expect(this.main.getByText(m.status.done[target], { exact: true })).toBeVisible();
    await expect(this.main.getByText(m.status.lead[target])).toBeVisible();
  }

  publicLink(): Locator {
    return this.main.getByRole("link", { name: /^\/c\// });
  }
}

/** New event and event page: edit, postpone, cancel (asks first), copy to another city. */
export class EventEditor {
  readonly main: Locator;
  readonly form: Locator;
  readonly postponeForm: Locator;
  readonly cancelForm: Locator;
  readonly duplicateForm: Locator;
  readonly heading: Locator;
  readonly when: Locator;
  readonly localTimeNote: Locator;
  readonly counts: Locator;
  readonly flash: Locator;

  constructor(readonly page: Page) {
    this.main = page.getByRole("main");
    this.form = this.main.getByTestId("event-form");
    this.postponeForm = this.main.getByTestId("postpone-form");
    this.cancelForm = this.main.getByTestId("cancel-form");
    this.duplicateForm = this.main.getByTestId("duplicate-form");
    this.heading = this.main.getByRole("heading", { level: 1 });
    // The start–end range under the title, in the event's zone with the zone named.
    this.when = this.main.locator("header time").first();
    this.localTimeNote = this.form.getByTestId("local-time-note");
    this.counts = this.main.getByTestId("signup-counts").first();
    this.flash = this.main.getByRole("status").first();
  }

  async gotoNew(org: string, campaign: string) {
    await this.page.goto(`/dashboard/${org}/campaigns/${campaign}/events/new`);
  }

  async goto(org: string, campaign: string, event: string) {
    await this.page.goto(`/dashboard/${org}/campaigns/${campaign}/events/${event}`);
  }

  timeZoneSelect(scope: Locator = this.form): Locator {
    return scope.getByLabel(m.place.timeZone, { exact: true });
  }

  countrySelect(scope: Locator = this.form): Locator {
    return scope.getByLabel(m.place.country, { exact: true });
  }

  /** Country before zone: choosing a country suggests its zone, which `timeZone` then overrides. */
  async fill(fields: EventFields) {
    const f = this.form;
    const text: [keyof EventFields, string][] = [
      ["title", m.event.title],
      ["description", m.event.description],
      ["city", m.event.city],
      ["venue", m.event.venue],
      ["address", m.event.address],
      ["latitude", m.event.latitude],
      ["longitude", m.event.longitude],
      ["onlineUrl", m.event.onlineUrl],
      ["startsLocal", m.event.startsLocal],
      ["endsLocal", m.event.endsLocal],
      ["deadlineLocal", m.event.deadlineLocal],
      ["capacity", m.event.capacity],
      ["roles", m.event.roles],
      ["slug", m.event.slug],
    ];
    if (fields.kind !== undefined) await f.getByLabel(m.event.kind, { exact: true }).selectOption(fields.kind);
    if (fields.country !== undefined) await this.countrySelect().selectOption(fields.country);
    if (fields.timeZone !== undefined) await this.timeZoneSelect().selectOption(fields.timeZone);
    for (const [name, label] of text) {
      const value = fields[name];
      if (typeof value === "string") await f.getByLabel(label, { exact: true }).fill(value);
    }
    if (fields.waitlist !== undefined) await f.getByLabel(m.event.waitlist, { exact: true }).setChecked(fields.waitlist);
    if (fields.signupMode !== undefined) await f.getByLabel(m.event.signupMode, { exact: true }).selectOption(fields.signupMode);
    if (fields.approval !== undefined) await f.getByLabel(m.event.approval, { exact: true }).setChecked(fields.approval);
  }

  /** Creates the event and returns its slug, read from the page it lands on. */
  async create(fields: EventFields): Promise<string> {
    await this.fill(fields);
    await this.form.getByRole("button", { name: m.event.create }).click();
    await expect(this.page).toHaveURL(/\/events\/[a-z0-9-]+\?created=1$/, LANDING);
    return new URL(this.page.url()).pathname.split("/").pop()!;
  }

  async save(fields: EventFields = {}) {
    await this.fill(fields);
    await this.form.getByRole("button", { name: m.event.save }).click();
  }

  /** The message next to a field of the edit form (name as in the schema: "endsLocal", "capacity", …). */
  fieldError(name: keyof EventFields): Locator {
    return fieldErrorIn(this.form, name);
  }

  async postpone({ startsLocal, endsLocal, reason = "" }: { startsLocal: string; endsLocal: string; reason?: string }) {
    const f = this.postponeForm;
    await f.getByLabel(m.postpone.startsLocal).fill(startsLocal);
    await f.getByLabel(m.postpone.endsLocal).fill(endsLocal);
    await f.getByLabel(m.postpone.reason).fill(reason);
    await f.getByRole("button", { name: m.postpone.submit, exact: true }).click();
  }

  postponeError(name: "startsLocal" | "endsLocal" | "reason"): Locator {
    return fieldErrorIn(this.postponeForm, `postpone-${name}`);
  }

  /** Cancels after the confirmation dialog; `confirm: false` backs out at the dialog instead. */
  async cancel(reason = "", { confirm = true } = {}) {
    await this.cancelForm.getByLabel(m.cancel.reason).fill(reason);
    await this.cancelForm.getByRole("button", { name: m.cancel.submit }).click();
    const dialog = this.page.getByRole("dialog");
    await expect(dialog).toBeVisible();
    await dialog.getByRole("button", { name: confirm ? m.cancel.confirm : m.cancel.keep, exact: true }).click();
    if (confirm) await expect(this.page).toHaveURL(/\?cancelled=1$/);
  }

  /** Copies the event to another city; returns the copy's slug. */
  async duplicate(fields: { country: string; city: string; timeZone?: string; venue?: string; address?: string; title?: string }): Promise<string> {
    const f = this.duplicateForm;
    await this.countrySelect(f).selectOption(fields.country);
    if (fields.timeZone) await this.timeZoneSelect(f).selectOption(fields.timeZone);
    await f.getByLabel(m.duplicate.city, { exact: true }).fill(fields.city);
    if (fields.venue !== undefined) await f.getByLabel(m.event.venue, { exact: true }).fill(fields.venue);
    if (fields.address !== undefined) await f.getByLabel(m.event.address, { exact: true }).fill(fields.address);
    if (fields.title !== undefined) await f.getByLabel(m.duplicate.title).fill(fields.title);
    await f.getByRole("button", { name: m.duplicate.submit, exact: true }).click();
    await expect(this.page).toHaveURL(/\/events\/[a-z0-9-]+\?duplicated=1$/, LANDING);
    return new URL(this.page.url()).pathname.split("/").pop()!;
  }
}
