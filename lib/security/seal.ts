import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { keyObject } from "./tokens";

// AES-256-GCM with a key derived from the server's secret: a copy of the database alone opens nothing.

// Derived once per secret and purpose, then kept as a key object.
const key = (secret: string, purpose: string) => keyObject(`seal\0${purpose}\0${secret}`, () => Buffer.from(hkdfSync("sha256", secret, "picket", purpose, 32)));

export function seal(secret: string, purpose: string, plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(secret, purpose), iv);
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return ["v1", iv.toString("base64url"), body.toString("base64url"), cipher.getAuthTag().toString("base64url")].join(".");
}

/** The sealed text, or null when it was sealed with another secret or altered. */
export function unseal(secret: string, purpose: string, sealed: string | null | undefined): string | null {
  const [version, iv, body, tag] = (sealed ?? "").split(".");
  if (version !== "v1" || !iv || !body || !tag) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", key(secret, purpose), Buffer.from(iv, "base64url"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}
