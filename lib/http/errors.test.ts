import { describe, expect, it } from "vitest";
import { ForbiddenError, NotFoundError, PublicError, SecondFactorRequiredError } from "@/lib/errors";
import { errorAnswer, errorResponse } from "./errors";

describe("what a route handler answers for what lib/ throws", () => {
  it("answers not found, forbidden and refusals with their message key and status", () => {
    expect(errorAnswer(new NotFoundError(), { what: "t" })).toEqual({ status: 404, body: { error: "errors.notFound" } });
    expect(errorAnswer(new ForbiddenError(), { what: "t" })).toEqual({ status: 403, body: { error: "errors.forbidden" } });
    expect(errorAnswer(new SecondFactorRequiredError(), { what: "t" })).toEqual({ status: 403, body: { error: "errors.forbidden" } });
    expect(errorAnswer(new PublicError("signups.manage.unknown"), { what: "t" })).toEqual({ status: 409, body: { error: "signups.manage.unknown" } });
    expect(errorAnswer(new PublicError("signups.rateLimited"), { what: "t", statusFor: { "signups.rateLimited": 429 } }).status).toBe(429);
  });

  it("puts a refusal about one field next to that field, as a form would", () => {
    expect(errorAnswer(new PublicError("validation.required", "name"), { what: "t" })).toEqual({
      status: 400,
      body: { error: "errors.checkFields", fieldErrors: { name: "validation.required" } },
    });
  });

  it("answers anything else as a generic failure that says nothing of it", async () => {
    const answer = errorAnswer(new Error('duplicate key value violates unique constraint "signups_email" for vera@example.org'), { what: "t" });
    expect(answer).toEqual({ status: 500, body: { error: "errors.generic" } });
    const res = errorResponse(new TypeError("secret detail"), { what: "t", headers: { "cache-control": "no-store" } });
    expect(res.status).toBe(500);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(await res.text()).not.toContain("secret");
  });
});
