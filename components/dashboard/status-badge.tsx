import { useTranslations } from "next-intl";

const tones: Record<string, string> = {
  draft: "bg-stone-200 text-stone-800",
  published: "bg-green-100 text-green-900",
  archived: "bg-stone-100 text-stone-600",
  scheduled: "bg-sky-100 text-sky-900",
  postponed: "bg-amber-100 text-amber-900",
  cancelled: "bg-red-100 text-red-900",
};

type CampaignStatus = "draft" | "published" | "archived";
type EventStatus = "scheduled" | "postponed" | "cancelled";

export function CampaignStatusBadge({ status }: { status: string }) {
  const t = useTranslations("editor.campaignStatus");
  return <Badge tone={tones[status]}>{t(status as CampaignStatus)}</Badge>;
}

export function EventStatusBadge({ status }: { status: string }) {
  const t = useTranslations("editor.eventStatus");
  return <Badge tone={tones[status]}>{t(status as EventStatus)}</Badge>;
}

function Badge({ tone = "bg-stone-100 text-stone-800", children }: { tone?: string; children: string }) {
  return <span className={`inline-block rounded-full px-2 py-0.5 text-xs font-semibold ${tone}`}>{children}</span>;
}
