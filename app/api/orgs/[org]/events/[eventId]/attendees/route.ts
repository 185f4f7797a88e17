import { attendeeCounts, listAttendees } from "@/lib/attendees/attendees";
import { attendeeListSchema } from "@/lib/attendees/schemas";
import { getActor } from "@/lib/auth/session";
import { errorResponse } from "@/lib/http/errors";

export const dynamic = "force-dynamic";

/** The check-in screen's live list: the people expected (confirmed and waitlisted), searched by name or email. */
export async function GET(request: Request, { params }: { params: Promise<{ org: string; eventId: string }> }) {
  const { org, eventId } = await params;
  const params_ = new URL(request.url).searchParams;
  const parsed = attendeeListSchema.safeParse(Object.fromEntries(params_));
  // The check-in screen says so; any other reader of this API is recorded as an API read.
  const via = params_.get("view") === "check-in" ? "check_in" : "api";
  if (!parsed.success || !/^[0-9a-f-]{36}$/i.test(eventId)) return Response.json({ error: "validation.invalid" }, { status: 400 });
  try {
    const actor = await getActor();
    const [list, counts] = await Promise.all([
      listAttendees(actor, { eventId, orgSlug: org }, parsed.data, via),
      attendeeCounts(actor, { eventId, orgSlug: org }),
    ]);
    return Response.json(
      {
        total: list.total,
        counts,
        rows: list.rows.map((r) => ({
          id: r.id,
          name: r.name,
          email: r.email,
          role: r.role,
          status: r.status,
          walkIn: r.walkIn,
          outsideCapacity: r.outsideCapacity,
          checkedInAt: r.checkedInAt?.toISOString() ?? null,
        })),
      },
      { headers: { "cache-control": "no-store" } },
    );
  } catch (e) {
    return errorResponse(e, { what: "attendee list failed", headers: { "cache-control": "no-store" } });
  }
}
