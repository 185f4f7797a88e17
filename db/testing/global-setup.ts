import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    /** A migrated, empty PGlite data folder (PGlite's dumpDataDir), or "" on PostgreSQL. */
    pgliteTemplate: string;
  }
}

// Each test file opens its own in-memory PGlite. Creating one runs initdb, which takes seconds on these
// machines; loading a folder that already holds the migrated schema takes a fraction of that. So the
// run migrates one database first and every file starts from a copy of it (and still runs the
// migrator, which finds nothing left to do).
export default async function setup(project: TestProject) {
  if (process.env.PICKET_TEST_PG_URL) {
    project.provide("pgliteTemplate", "");
    return;
  }
  const { PGlite } = await import("@electric-sql/pglite");
  const { drizzle } = await import("drizzle-orm/pglite");
  const { migrate } = await import("drizzle-orm/pglite/migrator");
  const client = await PGlite.create();
  await migrate(drizzle({ client }) as never, { migrationsFolder: path.resolve("db/migrations") });
  const dump = await client.dumpDataDir("none");
  await client.close();
  const dir = mkdtempSync(path.join(os.tmpdir(), "picket-test-db-"));
  const file = path.join(dir, "migrated.tar");
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  project.provide("pgliteTemplate", file);
  return () => rmSync(dir, { recursive: true, force: true });
}
