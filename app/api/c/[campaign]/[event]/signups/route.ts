import { controlCharacterErrors } from "@/lib/actions";
import { issueMessages } from "@/lib/form-issues";
import { errorAnswer } from "@/lib/http/errors";
import { signupSchemaFor } from "@/lib/signups/schemas";
import { crossSiteSignupOrigin, postedSignupMode, signUpAtPublicEvent, signedUpBody } from "@/lib/signups/public-signup";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ campaign: string; event: string }> };

const STATUS_FOR: Record<string, number> = { "errors.notFound": 404, "signups.rateLimited": 429, "signups.originRefused": 403 };

/** A site the campaign lists may call this from its pages' scripts; no other site gets CORS headers. */
function corsHeaders(origin: string | null): Record<string, string> {
  return origin ? { "access-control-allow-origin": origin, vary: "Origin" } : { vary: "Origin" };
}

/** Browsers ask before a cross-site JSON post: only the campaign's own listed sites are told yes. */
export async function OPTIONS(request: Request, { params }: Params) {
  const { campaign, event } = await params;
  const origin = await crossSiteSignupOrigin(campaign, event, request.headers.get("origin"));
  if (!origin) return new Response(null, { status: 403, headers: { vary: "Origin" } });
  return new Response(null, {
    status: 204,
    headers: {
      ...corsHeaders(origin),
      "access-control-allow-methods": "POST",
      "access-control-allow-headers": "content-type",
      "access-control-max-age": "600",
    },
  });
}

/**
 * POST a sign-up as JSON (Content-Type: application/json): { name, email, phone?, role?, comment?, consent? }; for an
 * event that asks for a nickname only, { name, role?, comment? }; for a headcount, {}.
 * 201 { status: "confirmed" }, { status: "waitlisted", position } or { status: "requested" } (an event that approves
 * each sign-up) — the same whether or not the address was signed up already; the private link goes to the address
 * by email, or, for a nickname without one, is in the answer as `privateLink`. 400 with a message key per field (in
 * messageValues, the limit a too long or too short field names); 403 for a page of another site the campaign does
 * not list; 404; 409 when sign-ups are closed; 415 for anything but JSON; 429 when rate-limited.
 */
export async function POST(request: Request, { params }: Params) {
  const { campaign, event } = await params;
  const cors = corsHeaders(await crossSiteSignupOrigin(campaign, event, request.headers.get("origin")));
  const json = (body: unknown, status: number) => Response.json(body, { status, headers: { "cache-control": "no-store", ...cors } });
  // Only JSON: a form or text post from another site's page needs no permission from the browser, a JSON one does.
  if ((request.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase() !== "application/json") return json({ error: "errors.jsonOnly" }, 415);
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    return json({ error: "validation.invalid" }, 400);
  }
  const input =
    typeof body === "object" && body !== null
      ? { ...(body as Record<string, unknown>), consent: (body as { consent?: unknown }).consent === true ? "on" : undefined }
      : {};
  const unreadable = controlCharacterErrors(input);
  if (Object.keys(unreadable).length) return json({ error: "errors.checkFields", fieldErrors: unreadable }, 400);
  const parsed = signupSchemaFor(postedSignupMode(input)).safeParse(input);
  if (!parsed.success) return json({ error: "errors.checkFields", ...issueMessages(parsed.error.issues) }, 400);
  try {
    return json(signedUpBody(await signUpAtPublicEvent(campaign, event, parsed.data, request.headers)), 201);
  } catch (e) {
    const { status, body } = errorAnswer(e, { what: "sign-up failed", statusFor: STATUS_FOR });
    return json(body, status);
  }
}
