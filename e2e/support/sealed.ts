import { masterKeyFrom } from "../../lib/crypto/master";
import { open, sealedKeyId, unwrapKey } from "../../lib/crypto/envelope";

// The browser tests that check what a server stored read the database as the app would: the sign-ups' personal
// fields are sealed (lib/signups/personal.ts), so they are opened with the test server's master key.

export type Query = <T>(text: string, params?: unknown[]) => Promise<{ rows: T[] }>;

/** A node-postgres client as a Query. */
export const pgQuery =
  (client: { query(text: string, params?: unknown[]): Promise<{ rows: unknown[] }> }): Query =>
  async <T>(text: string, params?: unknown[]) =>
    (await client.query(text, params)) as { rows: T[] };

interface StoredSignup {
  id: string;
  status: string;
  email: string | null;
  name: string | null;
}

/** The sign-ups of the event with this slug, their name and address opened. */
export async function storedSignups(query: Query, masterKey: string, eventSlug: string): Promise<StoredSignup[]> {
  const master = masterKeyFrom(masterKey, "the test's master key");
  const keys = new Map<string, Buffer | null>();
  for (const k of (await query<{ id: string; purpose: string; wrapped: string }>("select id, purpose::text, wrapped from data_keys")).rows) {
    keys.set(k.id, unwrapKey(master.key, k.wrapped, `data-key:${k.id}:${k.purpose}`));
  }
  const { rows } = await query<{ id: string; status: string; personal: string | null }>(
    "select s.id, s.status::text, s.personal from signups s join events e on e.id = s.event_id where e.slug = $1",
    [eventSlug],
  );
  return rows.map((r) => {
    const key = keys.get(sealedKeyId(r.personal) ?? "");
    const plain = key && r.personal ? open({ id: sealedKeyId(r.personal)!, key }, r.personal, `signups:${r.id}:personal`) : null;
    const person = plain ? (JSON.parse(plain) as { name: string; email: string | null }) : null;
    return { id: r.id, status: r.status, email: person?.email ?? null, name: person?.name ?? null };
  });
}
