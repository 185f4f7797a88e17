import "server-only";
import { headers } from "next/headers";

/**
 * The public address links in emails and invitations point to: PICKET_PUBLIC_URL (or AUTH_URL);
 * else the address of the request being served; else, outside any request (the worker),
 * this machine on the server's port.
 */
export async function siteOrigin(): Promise<string> {
  const configured = process.env.PICKET_PUBLIC_URL ?? process.env.AUTH_URL;
  if (configured) return new URL(configured).origin;
  try {
    const h = await headers();
    const host = h.get("x-forwarded-host") ?? h.get("host");
    if (host) return `${h.get("x-forwarded-proto") ?? "http"}://${host}`;
  } catch {
    // Not in a request.
  }
  return `http://localhost:${process.env.PORT ?? 3000}`;
}
