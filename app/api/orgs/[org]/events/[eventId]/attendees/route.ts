import { attendeeCounts, listAttendees } from "@/lib/attendees/attendees";
import { errorResponse } from "@/lib/attendees/http";
import { attendeeListSchema } from "@/lib/attendees/schemas";
import { getActor } from "@/lib/auth/session";

export const dynamic = "force-dynamic";

/** The check-in screen's live list: the people expected (confirmed and waitlisted), searched by name or email. */
export async function GET(request: Request, { params }: { params: Promise<{ org: string; eventId: string }> }) {
  const { org, eventId } = await params;
  const parsed = attendeeListSchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success || !/^[0-9a-f-]{36}$/i.test(eventId)) return Response.json({ error: "validation.invalid" }, { status: 400 });
  try {
    const actor = await getActor();
    const [list, counts] = await Promise.all([listAttendees(actor, { eventId, orgSlug: org }, parsed.data), attendeeCounts(actor, { eventId, orgSlug: org })]);
    return Response.json(
      {
        total: list.total,
        counts,
        rows: list.rows.map((r) => ({ id: r.id, name: r.name, email: r.email, role: r.role, status: r.status, walkIn: r.walkIn, outsideCapacity: r.outsideCapacity, checkedInAt: r.checkedInAt?.toISOString() ?? null })),
      },
      { headers: { "cache-control": "no-store" } },
    );
  } catch (e) {
    return errorResponse(e);
  }
}
