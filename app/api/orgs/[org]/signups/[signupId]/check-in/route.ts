import { z } from "zod";
import { setCheckedIn } from "@/lib/attendees/attendees";
import { errorResponse } from "@/lib/http/errors";
import { fromThisSite } from "@/lib/http/same-site";
import { getActor } from "@/lib/auth/session";

export const dynamic = "force-dynamic";

const body = z.object({ checkedIn: z.boolean() });

/** Check one person in (or undo). Idempotent: retried requests change nothing more. */
export async function POST(request: Request, { params }: { params: Promise<{ org: string; signupId: string }> }) {
  const { org, signupId } = await params;
  if (!fromThisSite(request)) return Response.json({ error: "errors.forbidden" }, { status: 403 });
  const parsed = body.safeParse(await request.json().catch(() => null));
  if (!parsed.success || !/^[0-9a-f-]{36}$/i.test(signupId)) return Response.json({ error: "validation.invalid" }, { status: 400 });
  try {
    const row = await setCheckedIn(await getActor(), signupId, parsed.data.checkedIn, new Date(), org);
    return Response.json({ id: row.id, checkedInAt: row.checkedInAt?.toISOString() ?? null });
  } catch (e) {
    return errorResponse(e, { what: "check-in failed" });
  }
}
