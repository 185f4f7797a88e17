"use client";
import { MapPinned } from "@/components/ui/icons";
import { useRef, useState, useSyncExternalStore } from "react";

export interface MapMarker {
  href: string;
  title: string;
  when: string;
  place: string;
  lat: number;
  lng: number;
}

export interface EventMapProps {
  markers: MapMarker[];
  tileUrl: string;
  attribution: string;
  labels: { show: string; note: string; region: string; loading: string; failed: string };
}

/**
 * The day of action on a map, only when the reader asks: before the button is pressed the page has
 * loaded nothing of the map (its code comes with the press, its tiles after). Without JavaScript the
 * button is not there, and the list of events by country and city is the page.
 */
export function EventMap({ markers, tileUrl, attribution, labels }: EventMapProps) {
  // True once running in the browser: the server's HTML (and a reader without JavaScript) has no button.
  const ready = useSyncExternalStore(
    () => () => {},
    () => true,
    () => false,
  );
  const [state, setState] = useState<"idle" | "loading" | "shown" | "failed">("idle");
  const container = useRef<HTMLDivElement>(null);

  async function show() {
    if (!container.current || state !== "idle") return;
    setState("loading");
    try {
      const { drawMap } = await import("./leaflet-map");
      drawMap(container.current, markers, tileUrl, attribution);
      setState("shown");
    } catch {
      setState("failed");
    }
  }

  if (!ready || markers.length === 0) return null;
  return (
    <section className="space-y-2">
      {state === "idle" || state === "loading" ? (
        <div className="flex flex-wrap items-center gap-3">
          <button
            type="button"
            onClick={show}
            disabled={state === "loading"}
            className="inline-flex min-h-11 items-center gap-2 rounded-md border border-stone-300 bg-white px-4 py-2 font-semibold text-stone-800 hover:bg-stone-100 disabled:opacity-60"
          >
            <MapPinned aria-hidden className="size-5" />
            {state === "loading" ? labels.loading : labels.show}
          </button>
          <p className="text-sm text-stone-600">{labels.note}</p>
        </div>
      ) : null}
      {state === "failed" ? <p role="alert" className="text-sm text-red-800">{labels.failed}</p> : null}
      <div ref={container} role="region" aria-label={labels.region} data-testid="event-map" className={state === "shown" ? "h-96 w-full overflow-hidden rounded-lg border border-stone-200" : "hidden"} />
    </section>
  );
}
