import { describe, expect, it } from "vitest";
import { smtpOptions } from "./worker";

describe("SMTP_URL", () => {
  it("names the server, its port, TLS and the login", () => {
    expect(smtpOptions("smtp://mailer:p%40ss@mail.example.org:2525")).toEqual({
      host: "mail.example.org",
      port: 2525,
      secure: false,
      auth: { user: "mailer", pass: "p@ss" },
    });
    expect(smtpOptions("smtps://mail.example.org")).toEqual({ host: "mail.example.org", port: 465, secure: true });
    expect(smtpOptions("smtp://127.0.0.1:1025?requireTLS=true&connectionTimeout=5000")).toEqual({
      host: "127.0.0.1",
      port: 1025,
      secure: false,
      requireTLS: true,
      connectionTimeout: 5000,
    });
  });

  it("is refused when it is not an SMTP address", () => {
    expect(() => smtpOptions("https://mail.example.org")).toThrow("smtp://");
  });
});
