import { getTranslations } from "next-intl/server";
import type { DeliveryStatus } from "@/lib/webhooks/webhooks";

const tones: Record<DeliveryStatus, string> = {
  pending: "bg-sky-100 text-sky-900",
  sending: "bg-sky-100 text-sky-900",
  sent: "bg-green-100 text-green-900",
  failed: "bg-red-100 text-red-900",
};

export async function DeliveryStatusBadge({ status }: { status: DeliveryStatus }) {
  const t = await getTranslations("webhooks.deliveries.statuses");
  return (
    <span
      className={`inline-block whitespace-nowrap rounded px-2 py-0.5 text-xs font-semibold ${tones[status]}`}
      data-testid="delivery-status"
      data-status={status}
    >
      {t(status)}
    </span>
  );
}
