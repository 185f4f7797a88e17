import { describe, expect, it } from "vitest";
import { clearedFormEchoCookie, FORM_ECHO_COOKIE, formEchoCookie, readFormEcho, type RefusedForm } from "./form-echo";

const refused: RefusedForm = {
  status: "error",
  fieldErrors: { email: "validation.email" },
  formError: "errors.checkFields",
  values: { name: "Айгуль", email: "not-an-email", comment: "Bringing a banner" },
};
const valueOf = (cookie: string) => cookie.slice(`${FORM_ECHO_COOKIE}=`.length, cookie.indexOf(";"));

describe("a refused public form carried back to its page", () => {
  it("comes back whole to the form it answers, sealed: nothing typed can be read from the cookie", () => {
    const cookie = formEchoCookie("signup /c/x/y", refused, true);
    expect(cookie).toMatch(/; Path=\/; Max-Age=300; HttpOnly; SameSite=Lax; Secure$/);
    expect(cookie).not.toContain("not-an-email");
    expect(Buffer.from(valueOf(cookie).split(".")[2] ?? "", "base64url").toString("utf8")).not.toContain("Айгуль");
    expect(readFormEcho(valueOf(cookie), "signup /c/x/y")).toEqual(refused);
  });

  it("is shown by no other form, and not at all when altered", () => {
    const value = valueOf(formEchoCookie("signup /c/x/y", refused, false));
    expect(readFormEcho(value, "signup /c/x/other")).toBeNull();
    expect(readFormEcho(value.slice(0, -2) + "AA", "signup /c/x/y")).toBeNull();
    expect(readFormEcho("v1.garbage", "signup /c/x/y")).toBeNull();
    expect(readFormEcho(undefined, "signup /c/x/y")).toBeNull();
  });

  it("fits a browser's cookie: a very long value is cut, the messages are kept", () => {
    const long = { ...refused, fieldErrors: { comment: "validation.tooLong" }, values: { ...refused.values, comment: "x".repeat(50_000) } } as RefusedForm;
    const cookie = formEchoCookie("signup /c/x/y", long, false);
    expect(cookie.length).toBeLessThan(4_096);
    const back = readFormEcho(valueOf(cookie), "signup /c/x/y")!;
    expect(back.fieldErrors).toEqual({ comment: "validation.tooLong" });
    expect(back.values.comment).toBe("x".repeat(1200));
  });

  it("is forgotten once shown", () => {
    expect(clearedFormEchoCookie(false)).toBe(`${FORM_ECHO_COOKIE}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax`);
  });
});
