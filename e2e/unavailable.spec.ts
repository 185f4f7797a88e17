import { expect, test } from "@playwright/test";
import { freshDatabase, postgresMissing, startServer, testPort, type AppServer } from "./support/server";

// A database that stops answering under a running server: the public page says so in the reader's language,
// under the same Content-Security-Policy as every public page, and neither the server nor a cache keeps it.

test("PostgreSQL: a public page the database cannot answer is a 503 in the reader's language, under the public policy, never kept", async () => {
  test.setTimeout(90_000);
  const missing = await postgresMissing();
  test.skip(missing !== null, missing ?? "");
  const db = await freshDatabase();
  let server: AppServer | null = null;
  try {
    // An empty database is enough: the server migrates it at start, and every public page reads it.
    server = await startServer({ DATABASE_URL: db.url }, testPort(16));
    const russian = { cookie: "picket-locale=ru" };
    const before = await fetch(`${server.base}/`, { headers: russian });
    expect(before.status).toBe(200);
    const policy = before.headers.get("content-security-policy");
    expect(policy).toContain("default-src");

    await db.drop();
    for (const attempt of [1, 2]) {
      const res = await fetch(`${server.base}/c/embassy-day-of-action`, { headers: russian });
      expect(res.status, `attempt ${attempt}`).toBe(503);
      expect(res.headers.get("cache-control")).toBe("no-store");
      expect(res.headers.get("retry-after")).toBe("5");
      expect(res.headers.get("content-security-policy")).toBe(policy);
      // Not a kept page, nor one that a second reader would be given from memory.
      expect(res.headers.get("x-picket-cache")).toBeNull();
      const html = await res.text();
      expect(html).toContain('<html lang="ru"');
      expect(html).toContain("Что-то пошло не так на нашей стороне");
    }
    // Nothing of the failure but its kind reaches the log: no address, no query, no reader.
    expect(server.output()).toContain("public page failed");
    expect(server.output()).not.toContain("embassy-day-of-action");
  } finally {
    await server?.stop();
    await db.drop();
  }
});
