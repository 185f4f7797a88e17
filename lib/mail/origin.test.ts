import { afterEach, describe, expect, it } from "vitest";
import { publicUrlProblem, siteOrigin } from "./origin";

describe("the public address links are made from", () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });

  it("is required in production, with a message that says what to set", () => {
    expect(publicUrlProblem({ NODE_ENV: "production" })).toMatch(/^PICKET_PUBLIC_URL is required in production/);
    expect(publicUrlProblem({ NODE_ENV: "development" })).toBeNull();
  });

  it("must be an http(s) origin without a path", () => {
    expect(publicUrlProblem({ NODE_ENV: "production", PICKET_PUBLIC_URL: "picket.example.org" })).toMatch(/is not an address/);
    expect(publicUrlProblem({ NODE_ENV: "production", PICKET_PUBLIC_URL: "ftp://picket.example.org" })).toMatch(/must start with https/);
    expect(publicUrlProblem({ NODE_ENV: "production", PICKET_PUBLIC_URL: "https://picket.example.org/app" })).toMatch(/origin only/);
    expect(publicUrlProblem({ NODE_ENV: "production", PICKET_PUBLIC_URL: "https://picket.example.org" })).toBeNull();
  });

  it("is PICKET_PUBLIC_URL's origin, and nothing a request says", () => {
    process.env.PICKET_PUBLIC_URL = "https://picket.example.org/";
    expect(siteOrigin()).toBe("https://picket.example.org");
  });

  it("refuses to make links in production without it, rather than guess", () => {
    delete process.env.PICKET_PUBLIC_URL;
    (process.env as Record<string, string>).NODE_ENV = "production";
    expect(() => siteOrigin()).toThrow(/PICKET_PUBLIC_URL is required/);
  });
});
