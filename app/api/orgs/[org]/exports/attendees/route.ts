import { getActor } from "@/lib/auth/session";
import { exportAttendeesCsv } from "@/lib/exports/csv";
import { parseExportRequest } from "@/lib/exports/schemas";
import core from "@/lib/i18n/messages/en/core.json";
import en from "@/lib/i18n/messages/en/exports.json";
import { getOrganisation } from "@/lib/orgs/orgs";
import { errorAnswer } from "@/lib/http/errors";
import { fromThisSite } from "@/lib/http/same-site";

export const dynamic = "force-dynamic";

const plain = (status: number, body: string) =>
  new Response(body, { status, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });

/**
 * The attendee list of an event or a campaign as CSV, for the export form's plain POST. Never a GET: an export is a
 * recorded look at personal data, and a link, a prefetch or a crawler must not be able to make one.
 */
export async function POST(request: Request, { params }: { params: Promise<{ org: string }> }) {
  const { org: slug } = await params;
  if (!fromThisSite(request)) return plain(403, en.exports.dashboard.errors.forbidden);
  // Who asks comes first: nobody without a session makes the server read a body.
  const actor = await getActor();
  if (!actor) return plain(404, en.exports.dashboard.errors.notFound);
  const form = await request.formData().catch(() => null);
  const fields = form ? [...form.entries()] : [];
  const parsed = form && fields.every(([, v]) => typeof v === "string") ? parseExportRequest(new URLSearchParams(fields as [string, string][])) : null;
  if (!parsed?.success) return plain(400, en.exports.dashboard.errors.badRequest);
  const { eventId, campaignId, columns, bom, ...filter } = parsed.data;
  try {
    const org = await getOrganisation(actor, slug, "coordinator");
    // The organisation the address names: a partner exports its own events of a campaign it co-hosts.
    const ref = eventId ? { eventId, orgSlug: org.slug } : { campaignId: campaignId!, orgSlug: org.slug };
    const csv = await exportAttendeesCsv(actor, ref, { filter, columns, bom, orgId: org.id });
    return new Response(csv.stream, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${csv.filename}"`,
        "cache-control": "no-store, no-transform",
        "x-content-type-options": "nosniff",
        "x-row-count": String(csv.rowCount),
      },
    });
  } catch (e) {
    // A download answers in text: the file's place in the browser shows it.
    const { status } = errorAnswer(e, { what: "CSV export failed" });
    const d = en.exports.dashboard.errors;
    return plain(status, status === 404 ? d.notFound : status === 403 ? d.forbidden : core.errors.generic);
  }
}
