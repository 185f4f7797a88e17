import { PublicError } from "@/lib/errors";
import { controlCharacterErrors } from "@/lib/actions";
import { publicPagesChanged } from "@/lib/public/page-cache";
import { signupSchema } from "@/lib/signups/schemas";
import { signUpAtPublicEvent } from "@/lib/signups/public-signup";

export const dynamic = "force-dynamic";

const json = (body: unknown, status: number) => Response.json(body, { status, headers: { "cache-control": "no-store" } });

const STATUS_FOR: Record<string, number> = { "errors.notFound": 404, "signups.rateLimited": 429 };

/**
 * POST a sign-up as JSON: { name, email, phone?, role?, comment?, consent? }.
 * 201 with the private link; 202 when the address may already be signed up (the link goes by email);
 * 400 with a message key per field; 404; 409 when sign-ups are closed; 429 when rate-limited.
 */
export async function POST(request: Request, { params }: { params: Promise<{ campaign: string; event: string }> }) {
  const { campaign, event } = await params;
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    return json({ error: "validation.invalid" }, 400);
  }
  const input = typeof body === "object" && body !== null ? { ...(body as Record<string, unknown>), consent: (body as { consent?: unknown }).consent === true ? "on" : undefined } : {};
  const unreadable = controlCharacterErrors(input);
  if (Object.keys(unreadable).length) return json({ error: "errors.checkFields", fieldErrors: unreadable }, 400);
  const parsed = signupSchema.safeParse(input);
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of parsed.error.issues) fieldErrors[String(issue.path[0] ?? "_")] ??= issue.message;
    return json({ error: "errors.checkFields", fieldErrors }, 400);
  }
  try {
    const result = await signUpAtPublicEvent(campaign, event, parsed.data, request.headers);
    if (result.outcome === "duplicate" || result.outcome === "ignored") return json({ status: "check_email" }, 202);
    const manageUrl = `/s/${result.token}`;
    return json(result.outcome === "waitlisted" ? { status: "waitlisted", position: result.position, manageUrl } : { status: "confirmed", manageUrl }, 201);
  } catch (e) {
    if (e instanceof PublicError) {
      if (e.field) return json({ error: "errors.checkFields", fieldErrors: { [e.field]: e.messageKey } }, 400);
      return json({ error: e.messageKey }, STATUS_FOR[e.messageKey] ?? 409);
    }
    console.error("picket: sign-up failed:", e);
    return json({ error: "errors.generic" }, 500);
  } finally {
    publicPagesChanged(); // places left
  }
}
