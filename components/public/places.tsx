import { useTranslations } from "next-intl";
import type { PublicEvent } from "@/lib/events/public";

export function Places({ event }: { event: PublicEvent }) {
  const t = useTranslations("public.event");
  if (event.capacity === null) return null;
  if (event.placesLeft === 0) return <span className="font-medium text-amber-800">{event.waitlist ? t("fullWaitlist") : t("full")}</span>;
  return <span className="font-medium text-green-800">{t("placesLeft", { count: event.placesLeft ?? 0 })}</span>;
}
