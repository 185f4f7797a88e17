import "server-only";
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import type { deliveries, outbox } from "@/db/schema";

/**
 * Claims up to `batchSize` due rows of a delivery queue (the mail outbox, or the deliveries to other servers) in
 * one statement: pending rows whose time has come, and rows whose claim by a worker that died has run out. Each is
 * marked sending, locked for `leaseMs` and counted as an attempt; FOR UPDATE SKIP LOCKED keeps two workers from
 * claiming the same row. Returns the ids, oldest due first.
 */
export async function claimDue(db: Db, table: typeof outbox | typeof deliveries, now: Date, batchSize: number, leaseMs: number): Promise<string[]> {
  const at = now.toISOString();
  const until = new Date(now.getTime() + leaseMs).toISOString();
  const result = await db.execute(sql`
    update ${table} set status = 'sending', locked_until = ${until}::timestamptz, attempts = attempts + 1
    where id in (
      select id from ${table}
      where (status = 'pending' and next_attempt_at <= ${at}::timestamptz)
         or (status = 'sending' and locked_until < ${at}::timestamptz)
      order by next_attempt_at, id
      limit ${batchSize}
      for update skip locked
    )
    returning id`);
  return (result as unknown as { rows: { id: string }[] }).rows.map((r) => r.id);
}
