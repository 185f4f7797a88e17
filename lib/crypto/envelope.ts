import { createCipheriv, createDecipheriv, createSecretKey, randomBytes, type KeyObject } from "node:crypto";

// AES-256-GCM. A sealed value names the data key it was sealed with and carries its nonce and tag:
// "v1.<data key id>.<base64url(nonce | ciphertext | tag)>". The associated data names the row and the column
// it belongs to, so a ciphertext moved to another row or column does not open.

export interface DataKey {
  id: string;
  key: Buffer;
}

const NONCE = 12;
const TAG = 16;

// Given a raw key, Node checks it against every kind of key object on each cipher or HMAC it makes, by way of
// thrown and caught errors: about 20 µs a call, most of an export's time. A KeyObject made once per key skips that.
const secrets = new WeakMap<Buffer, KeyObject>();

/** The key as a KeyObject, made once for each key buffer (which is never changed once made). */
export function secretKey(key: Buffer): KeyObject {
  let made = secrets.get(key);
  if (!made) secrets.set(key, (made = createSecretKey(key)));
  return made;
}

export function seal(dataKey: DataKey, plain: string, associated: string): string {
  const nonce = randomBytes(NONCE);
  const cipher = createCipheriv("aes-256-gcm", secretKey(dataKey.key), nonce);
  cipher.setAAD(Buffer.from(associated, "utf8"));
  const body = Buffer.concat([nonce, cipher.update(plain, "utf8"), cipher.final(), cipher.getAuthTag()]);
  return `v1.${dataKey.id}.${body.toString("base64url")}`;
}

/** The id of the data key a sealed value needs; null for anything that is not one. */
export function sealedKeyId(sealed: string | null | undefined): string | null {
  if (!sealed?.startsWith("v1.")) return null;
  const end = sealed.indexOf(".", 3);
  return end > 3 ? sealed.slice(3, end) : null;
}

// open() runs from start to end without yielding, so one buffer can take the sealed bytes and the associated data
// of the value being opened: an export opening thousands of values in a row allocates nothing for them.
const scratch = Buffer.allocUnsafe(8192);

/** The plain text, or null when the key is not the one, the value was altered, or it belongs elsewhere. */
export function open(dataKey: DataKey, sealed: string, associated: string): string | null {
  if (sealedKeyId(sealed) !== dataKey.id) return null;
  const encoded = sealed.slice(4 + dataKey.id.length);
  // Base64 gives at most 3 bytes for 4 characters, UTF-8 at most 3 bytes for a UTF-16 unit.
  const fits = Math.ceil((encoded.length * 3) / 4) + associated.length * 3 <= scratch.length;
  const body = fits ? scratch.subarray(0, scratch.write(encoded, 0, "base64url")) : Buffer.from(encoded, "base64url");
  if (body.length < NONCE + TAG) return null;
  const aad = fits ? scratch.subarray(body.length, body.length + scratch.write(associated, body.length, "utf8")) : Buffer.from(associated, "utf8");
  try {
    const decipher = createDecipheriv("aes-256-gcm", secretKey(dataKey.key), body.subarray(0, NONCE));
    decipher.setAAD(aad);
    decipher.setAuthTag(body.subarray(body.length - TAG));
    const plain = decipher.update(body.subarray(NONCE, body.length - TAG));
    decipher.final(); // checks the tag (GCM has nothing left to give): nothing is returned if it fails
    return plain.toString("utf8");
  } catch {
    return null;
  }
}

/** Opens each of a batch of values with its associated data, by the key it names among `keys` (null where none opens it). */
export function openEach(keys: ReadonlyMap<string, DataKey>, sealed: readonly (string | null)[], associated: readonly string[]): (string | null)[] {
  return sealed.map((value, i) => {
    const key = keys.get(sealedKeyId(value) ?? "");
    return key && value ? open(key, value, associated[i]!) : null;
  });
}

/** A data key sealed under a master key (the same cipher), for the data_keys table. */
export function wrapKey(master: Buffer, dataKey: Buffer, associated: string): string {
  const nonce = randomBytes(NONCE);
  const cipher = createCipheriv("aes-256-gcm", secretKey(master), nonce);
  cipher.setAAD(Buffer.from(associated, "utf8"));
  return Buffer.concat([nonce, cipher.update(dataKey), cipher.final(), cipher.getAuthTag()]).toString("base64url");
}

export function unwrapKey(master: Buffer, wrapped: string, associated: string): Buffer | null {
  const body = Buffer.from(wrapped, "base64url");
  if (body.length !== NONCE + 32 + TAG) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", secretKey(master), body.subarray(0, NONCE));
    decipher.setAAD(Buffer.from(associated, "utf8"));
    decipher.setAuthTag(body.subarray(NONCE + 32));
    return Buffer.concat([decipher.update(body.subarray(NONCE, NONCE + 32)), decipher.final()]);
  } catch {
    return null;
  }
}
