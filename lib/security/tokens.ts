import { createHash, createHmac, createSecretKey, randomBytes, timingSafeEqual, type KeyObject } from "node:crypto";

/** 256 random bits, URL-safe. */
export function newToken(): string {
  return randomBytes(32).toString("base64url");
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("base64url");
}

// A key object is made once per secret: handing Node a raw key makes it check and copy the key on every
// call, which costs more than the hash itself. The secrets are a handful (the server's, with a purpose).
const keyObjects = new Map<string, KeyObject>();
const KEPT_KEYS = 64;

/** The key object named `id` (its use and its secret), made by `make` on first use and kept. */
export function keyObject(id: string, make: () => Buffer): KeyObject {
  let key = keyObjects.get(id);
  if (!key) {
    if (keyObjects.size >= KEPT_KEYS) keyObjects.clear();
    keyObjects.set(id, (key = createSecretKey(make())));
  }
  return key;
}

export function keyedHash(key: string, value: string): string {
  return createHmac(
    "sha256",
    keyObject(`hmac\0${key}`, () => Buffer.from(key, "utf8")),
  )
    .update(value, "utf8")
    .digest("base64url");
}

export function safeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && timingSafeEqual(ab, bb);
}
