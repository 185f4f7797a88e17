import { MapPinned } from "@/components/ui/icons";
import { LEAFLET_SCRIPT_PATH, LEAFLET_STYLESHEET_PATH } from "@/lib/public/assets";
import type { MapMarker } from "@/lib/public/browser";

export type { MapMarker };

const SHOW_BUTTON =
  "inline-flex min-h-11 items-center gap-2 rounded-md border border-stone-300 bg-white px-4 py-2 font-semibold text-stone-800 " +
  "hover:bg-stone-100 disabled:opacity-60";

export interface EventMapProps {
  markers: MapMarker[];
  tileUrl: string;
  attribution: string;
  labels: { show: string; note: string; region: string; loading: string; failed: string };
}

/**
 * The day of action on a map, only when the reader asks: before the button is pressed the page has loaded
 * nothing of the map (Leaflet's code and stylesheet come with the press, its tiles after). The page's script
 * (lib/public/browser.ts) shows the button and draws the map; without JavaScript nothing of this shows, and
 * the list of events by country and city is the page.
 */
export function EventMap({ markers, tileUrl, attribution, labels }: EventMapProps) {
  if (markers.length === 0) return null;
  return (
    <section
      className="space-y-2"
      data-event-map=""
      data-markers={JSON.stringify(markers)}
      data-tiles={tileUrl}
      data-attribution={attribution}
      data-loading={labels.loading}
      data-script={LEAFLET_SCRIPT_PATH}
      data-stylesheet={LEAFLET_STYLESHEET_PATH}
    >
      <div hidden data-map-controls="" className="flex flex-wrap items-center gap-3">
        <button type="button" data-map-show="" className={SHOW_BUTTON}>
          <MapPinned aria-hidden className="size-5" />
          <span data-map-label="">{labels.show}</span>
        </button>
        <p className="text-sm text-stone-600">{labels.note}</p>
      </div>
      <p hidden role="alert" data-map-failed="" className="text-sm text-red-800">
        {labels.failed}
      </p>
      <div
        hidden
        role="region"
        aria-label={labels.region}
        data-testid="event-map"
        data-map-canvas=""
        className="h-96 w-full overflow-hidden rounded-lg border border-stone-200"
      />
    </section>
  );
}
