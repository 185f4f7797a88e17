import "./node-version.mjs";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { tryRun } from "./run";

// The integration suite against a PostgreSQL server: a fresh database per run, dropped afterwards.
const admin = process.env.TEST_DATABASE_URL;
if (!admin) {
  console.error("picket: set TEST_DATABASE_URL (for example postgres://postgres@127.0.0.1:5432/postgres) to run the PostgreSQL suite");
  process.exit(2);
}

const name = `picket_test_${Date.now()}_${randomBytes(3).toString("hex")}`;
const client = new pg.Client({ connectionString: admin });
await client.connect();
await client.query(`create database ${name}`);
await client.end();

const url = new URL(admin);
url.pathname = `/${name}`;
console.log(`picket: integration suite on PostgreSQL (database ${name})`);

let status = 1;
try {
  // One file at a time: the files share this one database, and the suite runs beside the browser tests.
  const files = [".int.test.ts", "--exclude", "**/lock.int.test.ts", "--exclude", "node_modules/**", "--maxWorkers=1"];
  status = tryRun("npx", ["vitest", "run", ...files, ...process.argv.slice(2)], {
    env: { PICKET_TEST_PG_URL: url.toString() },
  });
} finally {
  const drop = new pg.Client({ connectionString: admin });
  await drop.connect();
  await drop.query(`drop database if exists ${name} with (force)`);
  await drop.end();
}
process.exit(status);
