import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { seal, unseal } from "./seal";
import { keyedHash } from "./tokens";

describe("keyed hashes and sealed text, with keys kept between calls", () => {
  it("hashes exactly as HMAC-SHA-256 with the raw secret, so hashes stored before stay valid", () => {
    const expected = createHmac("sha256", "server-secret:client").update("203.0.113.0/24", "utf8").digest("base64url");
    expect(keyedHash("server-secret:client", "203.0.113.0/24")).toBe(expected);
    expect(keyedHash("server-secret:client", "203.0.113.0/24")).toBe(expected);
    expect(keyedHash("another-secret:client", "203.0.113.0/24")).not.toBe(expected);
  });

  it("opens what it sealed, and nothing sealed with another secret or for another purpose", () => {
    const sealed = seal("server-secret", "manage-link", "Вера Смирнова");
    expect(unseal("server-secret", "manage-link", sealed)).toBe("Вера Смирнова");
    expect(unseal("server-secret", "manage-link", sealed)).toBe("Вера Смирнова");
    expect(unseal("other-secret", "manage-link", sealed)).toBeNull();
    expect(unseal("server-secret", "another-purpose", sealed)).toBeNull();
    const [version, iv, body, tag] = sealed.split(".");
    const altered = [version, iv, (body![0] === "A" ? "B" : "A") + body!.slice(1), tag].join(".");
    expect(unseal("server-secret", "manage-link", altered)).toBeNull();
  });

  it("keeps working when more secrets are used than it keeps keys for", () => {
    const secrets = Array.from({ length: 100 }, (_, i) => `secret-${i}`);
    const sealed = secrets.map((secret) => seal(secret, "p", secret));
    expect(secrets.map((secret, i) => unseal(secret, "p", sealed[i]))).toEqual(secrets);
    expect(keyedHash("secret-0", "x")).toBe(createHmac("sha256", "secret-0").update("x").digest("base64url"));
  });
});
