import "./node-version.mjs";
import { seed } from "../db/seed";
import { withDatabase } from "./db";

await withDatabase(async (handle) => {
  const { created } = await seed(handle.db);
  console.log(created === 0 ? "picket: demo data already in place; nothing changed" : `picket: demo data seeded (${created} rows)`);
});
