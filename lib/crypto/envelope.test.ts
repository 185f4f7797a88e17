import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { open, seal, sealedKeyId, unwrapKey, wrapKey } from "./envelope";

const key = { id: "11111111-1111-4111-8111-111111111111", key: randomBytes(32) };

describe("sealing personal data", () => {
  it("opens with its key and the row and column it was sealed for", () => {
    const sealed = seal(key, "Вера Смирнова", "signups:row-1:personal");
    expect(sealedKeyId(sealed)).toBe(key.id);
    expect(sealed).not.toContain("Вера");
    expect(open(key, sealed, "signups:row-1:personal")).toBe("Вера Смирнова");
  });

  it("does not open for another row or column: a ciphertext moved between rows is refused", () => {
    const sealed = seal(key, "vera@example.org", "signups:row-1:personal");
    expect(open(key, sealed, "signups:row-2:personal")).toBeNull();
    expect(open(key, sealed, "outbox:row-1:envelope")).toBeNull();
  });

  it("does not open with another key, or once altered", () => {
    const sealed = seal(key, "vera@example.org", "a");
    expect(open({ id: key.id, key: randomBytes(32) }, sealed, "a")).toBeNull();
    const body = Buffer.from(sealed.slice(4 + key.id.length), "base64url");
    body[body.length - 20]! ^= 1;
    expect(open(key, `v1.${key.id}.${body.toString("base64url")}`, "a")).toBeNull();
    expect(open(key, "v1.other.abc", "a")).toBeNull();
    expect(open(key, "not sealed", "a")).toBeNull();
  });

  it("opens with a copy of the key's bytes, and never with a key whose bytes differ, however often each was used", () => {
    const sealed = Array.from({ length: 3 }, (_, i) => seal(key, `Supporter ${i}`, `signups:row-${i}:personal`));
    const copy = { id: key.id, key: Buffer.from(key.key) };
    expect(sealed.map((s, i) => open(copy, s, `signups:row-${i}:personal`))).toEqual(["Supporter 0", "Supporter 1", "Supporter 2"]);
    const other = { id: key.id, key: Buffer.from(key.key) };
    other.key[0]! ^= 1;
    expect(sealed.map((s, i) => open(other, s, `signups:row-${i}:personal`))).toEqual([null, null, null]);
    expect(open(key, seal(copy, "Вера", "a"), "a")).toBe("Вера");
  });

  it("opens long and short values one after another, and refuses an altered one of either size", () => {
    const long = "Комментарий, long enough to be opened outside the shared buffer. ".repeat(300);
    const values = ["a", long, "Łukasz", long.slice(0, 2000), ""];
    const sealed = values.map((v, i) => seal(key, v, `outbox:row-${i}:content`));
    for (let round = 0; round < 2; round++) expect(sealed.map((s, i) => open(key, s, `outbox:row-${i}:content`))).toEqual(values);
    for (const i of [0, 1]) {
      const body = Buffer.from(sealed[i]!.slice(4 + key.id.length), "base64url");
      body[13]! ^= 1;
      expect(open(key, `v1.${key.id}.${body.toString("base64url")}`, `outbox:row-${i}:content`)).toBeNull();
      expect(open(key, sealed[i]!, `outbox:row-${i + 1}:content`)).toBeNull();
    }
  });

  it("seals the same text differently each time", () => {
    expect(seal(key, "same", "a")).not.toBe(seal(key, "same", "a"));
  });
});

describe("wrapping a data key under a master key", () => {
  it("unwraps with the master key and the key's own description only", () => {
    const master = randomBytes(32);
    const dataKey = randomBytes(32);
    const wrapped = wrapKey(master, dataKey, "data-key:1:event");
    expect(unwrapKey(master, wrapped, "data-key:1:event")).toEqual(dataKey);
    expect(unwrapKey(master, wrapped, "data-key:2:event")).toBeNull();
    expect(unwrapKey(randomBytes(32), wrapped, "data-key:1:event")).toBeNull();
  });
});
