import { addWalkIn } from "@/lib/attendees/attendees";
import { walkInSchema } from "@/lib/attendees/schemas";
import { getActor } from "@/lib/auth/session";
import { issueMessages } from "@/lib/form-issues";
import { errorResponse } from "@/lib/http/errors";
import { fromThisSite } from "@/lib/http/same-site";

export const dynamic = "force-dynamic";

/** Someone at the door who had not signed up: added as confirmed and checked in. */
export async function POST(request: Request, { params }: { params: Promise<{ org: string; eventId: string }> }) {
  const { org, eventId } = await params;
  if (!fromThisSite(request)) return Response.json({ error: "errors.forbidden" }, { status: 403 });
  const parsed = walkInSchema.safeParse(await request.json().catch(() => null));
  if (!parsed.success) return Response.json({ error: "errors.checkFields", ...issueMessages(parsed.error.issues) }, { status: 400 });
  if (!/^[0-9a-f-]{36}$/i.test(eventId)) return Response.json({ error: "errors.notFound" }, { status: 404 });
  try {
    const row = await addWalkIn(await getActor(), eventId, parsed.data, new Date(), org);
    return Response.json(row, { status: 201 });
  } catch (e) {
    return errorResponse(e, { what: "walk-in failed" });
  }
}
