// The public address every link in an email, a feed or a calendar file points to: PICKET_PUBLIC_URL and
// nothing else. Never the request's Host or X-Forwarded-Host: whoever sends a request could name their own
// site there, and the organisation would then email a genuine private link to it.

const DEVELOPMENT_FALLBACK = () => `http://localhost:${process.env.PORT ?? 3000}`;

/** What is wrong with PICKET_PUBLIC_URL, or null when it can be used. */
export function publicUrlProblem(env: Record<string, string | undefined> = process.env): string | null {
  const value = env.PICKET_PUBLIC_URL;
  if (!value) {
    return env.NODE_ENV === "production"
      ? "PICKET_PUBLIC_URL is required in production: the public address of the site, such as https://picket.example.org. " +
          "Links in emails, feeds and calendar files are made from it alone."
      : null;
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `PICKET_PUBLIC_URL is not an address: ${JSON.stringify(value)}. Give the site's public address, such as https://picket.example.org.`;
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return "PICKET_PUBLIC_URL must start with https:// (or http:// on a private machine).";
  if (url.pathname !== "/" || url.search || url.hash || url.username || url.password)
    return "PICKET_PUBLIC_URL must be an origin only, such as https://picket.example.org, without a path.";
  return null;
}

/** The site's public origin: PICKET_PUBLIC_URL; in development without it, this machine on the server's port. */
export function siteOrigin(): string {
  const problem = publicUrlProblem();
  if (problem) throw new Error(problem);
  const configured = process.env.PICKET_PUBLIC_URL;
  return configured ? new URL(configured).origin : DEVELOPMENT_FALLBACK();
}
