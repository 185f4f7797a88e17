import { DataDirLockedError } from "../db/lock";
import { openDatabase, type DbHandle } from "../db/client";

/** Runs a task with the database opened (and migrated) by this process, then closes it. */
export async function withDatabase<T>(task: (handle: DbHandle) => Promise<T>): Promise<T> {
  let handle: DbHandle;
  try {
    handle = await openDatabase({ migrate: true });
  } catch (e) {
    if (e instanceof DataDirLockedError) {
      console.error(`picket: ${e.message}`);
      process.exit(3);
    }
    throw e;
  }
  try {
    return await task(handle);
  } finally {
    await handle.close();
  }
}
