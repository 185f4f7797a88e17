import { describe, expect, it } from "vitest";
import { z } from "zod";
import { answeredValue, fieldError, keptChecked, keptValue, type FormState } from "./forms";
import { issueMessages } from "./form-issues";
import { signupSchema } from "./signups/schemas";
import { walkInSchema } from "./attendees/schemas";
import { unprefixed } from "./actions";
import { POST as postSignup } from "@/app/api/c/[campaign]/[event]/signups/route";

// "Too long" says by how much: every answer that refuses a field, a form's or a JSON one, names the limit.

const issues = (schema: z.ZodType, input: unknown) => schema.safeParse(input).error?.issues ?? [];

describe("a schema's issues as field messages", () => {
  it("name the limit of a field too long or too short, and keep the first message of each field", () => {
    const schema = z.object({
      name: z
        .string()
        .min(3, "validation.tooShort")
        .max(120, "validation.tooLong")
        .refine((s) => !s.includes("@"), "validation.nameAddress"),
      comment: z.string().max(1000, "validation.tooLong"),
      email: z.email("validation.email"),
    });
    expect(issueMessages(issues(schema, { name: `${"x".repeat(121)}@`, comment: "c".repeat(1001), email: "nobody" }))).toEqual({
      fieldErrors: { name: "validation.tooLongLimit", comment: "validation.tooLongLimit", email: "validation.email" },
      messageValues: { name: { limit: 120 }, comment: { limit: 1000 } },
    });
    expect(issueMessages(issues(schema, { name: "xy", comment: "", email: "a@example.org" }))).toEqual({
      fieldErrors: { name: "validation.tooShortLimit" },
      messageValues: { name: { limit: 3 } },
    });
  });

  it("take a limit a schema's own check copied into its params, and read any other message as 'not valid'", () => {
    const schema = z.object({
      roles: z.string().check((ctx) => {
        if (ctx.value.length > 40) ctx.issues.push({ code: "custom", message: "validation.tooLong", params: { limit: 40 }, input: ctx.value });
      }),
      slug: z.string().regex(/^[a-z]+$/),
    });
    expect(issueMessages(issues(schema, { roles: "r".repeat(41), slug: "Not A Slug" }))).toEqual({
      fieldErrors: { roles: "validation.tooLongLimit", slug: "validation.invalid" },
      messageValues: { roles: { limit: 40 } },
    });
  });

  it("say the limits of the sign-up and walk-in fields", () => {
    const signup = issueMessages(issues(signupSchema, { name: "n".repeat(121), email: `${"e".repeat(250)}@example.org`, comment: "c".repeat(1001) }));
    expect(signup.messageValues).toEqual({ name: { limit: 120 }, email: { limit: 254 }, comment: { limit: 1000 } });
    const walkIn = issueMessages(issues(walkInSchema, { name: "n".repeat(121) }));
    expect(walkIn).toMatchObject({ fieldErrors: { name: "validation.tooLongLimit" }, messageValues: { name: { limit: 120 } } });
  });
});

describe("a schema's messages", () => {
  it("are message keys; zod's own words and a key no message has become 'invalid', never shown as they are", () => {
    const schema = z.object({ a: z.string().min(2, "validation.required"), b: z.string().email(), c: z.string().min(2, "validation.noSuchMessage") });
    expect(issueMessages(issues(schema, { a: "", b: "x", c: "" }))).toEqual({
      fieldErrors: { a: "validation.required", b: "validation.invalid", c: "validation.invalid" },
    });
  });
});

describe("a message carried in a form's state", () => {
  it("comes with the values it names", () => {
    const state: FormState = {
      status: "error",
      fieldErrors: { name: "validation.tooLongLimit", email: "validation.email" },
      values: {},
      messageValues: { name: { limit: 120 } },
    };
    expect(fieldError(state, "name")).toEqual({ key: "validation.tooLongLimit", values: { limit: 120 } });
    expect(fieldError(state, "email")).toEqual({ key: "validation.email" });
    expect(fieldError(state, "phone")).toBeUndefined();
  });
});

describe("what a field shows again after the answer", () => {
  const refused: FormState = { status: "error", fieldErrors: { email: "validation.email" }, values: { email: "nobody", waitlist: "on" } };
  const previewed: FormState = { status: "ok", data: { subject: "Bring water" } };

  it("is what was typed after a refusal, and only then", () => {
    expect(keptValue(refused, "email")).toBe("nobody");
    expect(keptValue(previewed, "subject")).toBeUndefined();
    expect(keptValue({ status: "idle" }, "email")).toBeUndefined();
  });

  it("is what a success gave back, and only then", () => {
    expect(answeredValue(previewed, "subject")).toBe("Bring water");
    expect(answeredValue(previewed, "body")).toBeUndefined();
    expect(answeredValue(refused, "email")).toBeUndefined();
  });

  it("ticks a checkbox as it was sent after a refusal, an unticked one too; before any refusal it says nothing", () => {
    expect(keptChecked(refused, "waitlist")).toBe(true);
    expect(keptChecked(refused, "isPublic")).toBe(false);
    expect(keptChecked(previewed, "waitlist")).toBeUndefined();
    expect(keptChecked({ status: "idle" }, "waitlist")).toBeUndefined();
  });
});

// (The walk-in's answer, from a route that needs the session, is checked in the browser: e2e/form-labels.spec.ts.)
describe("the JSON answer of the sign-up API", () => {
  const post = (body: unknown) =>
    new Request("http://picket.test/", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

  it("name the limit of a sign-up's name or comment too long, as the form does", async () => {
    const res = await postSignup(post({ name: "n".repeat(121), email: "aigul@example.org", comment: "c".repeat(1001) }), {
      params: Promise.resolve({ campaign: "embassy-day-of-action", event: "embassy-protest-berlin" }),
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      error: "errors.checkFields",
      fieldErrors: { name: "validation.tooLongLimit", comment: "validation.tooLongLimit" },
      messageValues: { name: { limit: 120 }, comment: { limit: 1000 } },
    });
  });
});

describe("prefixed form fields", () => {
  const form = (entries: [string, string][]) => {
    const data = new FormData();
    for (const [k, v] of entries) data.append(k, v);
    return data;
  };

  it("drops the prefix the form names, and the naming field itself", () => {
    const out = unprefixed(
      form([
        ["prefix", "case-3-"],
        ["case-3-name", "Roza"],
        ["org", "ck"],
      ]),
    );
    expect([...out.entries()]).toEqual([
      ["name", "Roza"],
      ["org", "ck"],
    ]);
  });

  it("drops the action's own prefix when it gives one, whatever the form names", () => {
    const out = unprefixed(
      form([
        ["postpone-startsLocal", "2027-01-16T12:00"],
        ["eventId", "e1"],
        ["prefix", "other-"],
      ]),
      "postpone-",
    );
    expect([...out.entries()]).toEqual([
      ["startsLocal", "2027-01-16T12:00"],
      ["eventId", "e1"],
    ]);
  });
});
