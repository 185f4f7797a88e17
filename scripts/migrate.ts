import "./node-version.mjs";
import { withDatabase } from "./db";

await withDatabase(async (handle) => {
  console.log(`picket: migrations applied (${handle.engine}: ${handle.location})`);
});
