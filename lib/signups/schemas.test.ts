import { describe, expect, it } from "vitest";
import { compose, plain } from "@/lib/mail/render";
import { signupSchema } from "./schemas";

const nameError = (name: string) => signupSchema.safeParse({ name, email: "a@example.org" }).error?.issues.find((i) => i.path[0] === "name")?.message;

describe("a supporter's name, which the organisation's own emails greet", () => {
  it.each([
    "Click https://evil.tld/reset",
    "evil.com",
    "see www.example",
    "me@x.org",
    "Login at paypal.com/now",
    "ВХОД http://пример.рф",
    "10.0.0.1",
    "bit.ly/abc",
    "ＥＶＩＬ．ＣＯＭ",
  ])("holding an address (%s) is refused next to the field", (name) => expect(nameError(name)).toBe("validation.nameAddress"));

  it.each(["Айгуль", "J.R.R. Tolkien", "ivan.petrov", "Dr. Smith", "Anne-Marie O'Neil", "Zofia Wiśniewska", "A.Ivanov", "Ерлан 2012"])(
    "%s is a name",
    (name) => {
      expect(nameError(name)).toBeUndefined();
    },
  );

  it("is plain text in the HTML copy: escaped and never made a link, whatever it holds", () => {
    const mail = compose("Subject", [plain("Hello <b>Ana</b> http://x.example,"), "The event: https://picket.example/c/x"]);
    expect(mail.html).toContain("<p>Hello &lt;b&gt;Ana&lt;/b&gt; http://x.example,</p>");
    expect(mail.html).toContain('<a href="https://picket.example/c/x">https://picket.example/c/x</a>');
    expect(mail.html.match(/<a /g)).toHaveLength(1);
  });
});

describe("the shifts a sign-up takes", () => {
  const a = "0b8f2a3e-6c1d-4e5f-8a9b-0c1d2e3f4a5b";
  const b = "1c9e3b4f-7d2e-4f60-9bac-1d2e3f4a5b6c";
  const shifts = (value: unknown) => signupSchema.safeParse({ name: "Aigul", email: "a@example.org", shifts: value });
  it("come as the JSON API's list or as the form's ticked boxes joined by spaces, each once", () => {
    expect(shifts([a, b]).data?.shifts).toEqual([a, b]);
    expect(shifts(`${a} ${b.toUpperCase()} ${a}`).data?.shifts).toEqual([a, b]);
    expect(shifts(undefined).data?.shifts).toEqual([]);
  });
  it("refuse anything but shift ids", () => {
    expect(shifts(["1; drop table"]).error?.issues[0]?.message).toBe("validation.invalid");
    expect(shifts([a, 3]).success).toBe(false);
  });
});
