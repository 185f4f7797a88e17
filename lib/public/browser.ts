// The one script public pages run (pages/api/public/[[...path]].tsx renders them). It is sent as the text of
// `enhance` (serialised by lib/public/assets.ts), so everything it uses is inside it: no imports, no module-level
// names. Each part only adds to a page that already works without it; the server renders the data it reads as
// attributes.

/** An event on the campaign page's map (the page writes them as JSON into the map's section). */
export interface MapMarker {
  href: string;
  title: string;
  when: string;
  place: string;
  lat: number;
  lng: number;
}

/** The part of Leaflet's global `L` the map uses. */
interface LeafletLayer {
  addTo(map: unknown): LeafletLayer;
  bindPopup(html: string, options: object): LeafletLayer;
}
interface Leaflet {
  map(element: HTMLElement, options: object): { setView(p: [number, number], zoom: number): void; fitBounds(b: unknown, o: object): void };
  tileLayer(url: string, options: object): LeafletLayer;
  divIcon(options: object): unknown;
  marker(p: [number, number], options: object): LeafletLayer;
  latLngBounds(points: [number, number][]): unknown;
}

/**
 * Fills in one reader's-time line (a `data-local-time` element the server rendered hidden): the event's time in
 * the reader's own zone, shown only when that differs from the event's. Self-contained, like `enhance`, which
 * receives it as its argument: the public pages' script and the page reached inside the app (a client
 * component, components/public/reader-time.tsx) run the same code.
 */
export function fillReaderTime(el: HTMLElement): void {
  const reader = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const offset = (at: Date, zone: string) =>
    new Intl.DateTimeFormat("en-US", { timeZone: zone, timeZoneName: "longOffset" }).formatToParts(at).find((p) => p.type === "timeZoneName")?.value ?? "";
  const { start, end, zone, locale, text, months, weekdays } = el.dataset;
  if (!start || !end || !zone || !locale || !text || !reader) return;
  const from = new Date(start);
  const to = new Date(end);
  try {
    if (offset(from, reader) === offset(from, zone)) return;
    const format = new Intl.DateTimeFormat(locale === "en" ? "en-GB" : locale, {
      weekday: "short",
      day: "numeric",
      month: "short",
      hour: "2-digit",
      minute: "2-digit",
      timeZoneName: "short",
    });
    let when = format.formatRange(from, to);
    // The server's names of months and weekdays in this language. A browser that ships without them (Chromium
    // has no Kazakh month names and writes "M12") gets them from the page, in the reader's own zone.
    const monthNames = (months ?? "").split("|");
    const dayNames = (weekdays ?? "").split("|");
    const probe = Date.UTC(2024, 0, 15, 12);
    const own = (options: Intl.DateTimeFormatOptions, at: number | Date) => new Intl.DateTimeFormat(locale, { timeZone: "UTC", ...options }).format(at);
    if (
      monthNames.length === 12 &&
      dayNames.length === 7 &&
      (own({ month: "short" }, probe) !== monthNames[0] || own({ weekday: "short" }, probe) !== dayNames[1])
    ) {
      const index = (at: Date, options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat("en-US", { timeZone: reader, ...options }).format(at);
      const WEEK = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
      when = format
        .formatRangeToParts(from, to)
        .map((part) => {
          const at = part.source === "endRange" ? to : from;
          if (part.type === "month") return monthNames[Number(index(at, { month: "numeric" })) - 1] ?? part.value;
          if (part.type === "weekday") return dayNames[WEEK.indexOf(index(at, { weekday: "short" }))] ?? part.value;
          return part.value;
        })
        .join("");
    }
    el.textContent = text.replace("{when}", when);
    el.hidden = false;
  } catch {
    // A browser without these Intl features shows the event's own time only.
  }
}

export function enhance(fillTime: (el: HTMLElement) => void): void {
  // The event's time in the reader's own zone, when that differs from the event's.
  function localTimes() {
    for (const el of document.querySelectorAll<HTMLElement>("[data-local-time]")) fillTime(el);
  }

  // The day of action on a map, only when the reader asks: Leaflet's code, its stylesheet and the tiles
  // are fetched after the press, from this site and the configured tile server.
  function maps() {
    for (const section of document.querySelectorAll<HTMLElement>("[data-event-map]")) {
      const controls = section.querySelector<HTMLElement>("[data-map-controls]");
      const button = section.querySelector<HTMLButtonElement>("[data-map-show]");
      const label = section.querySelector<HTMLElement>("[data-map-label]");
      const canvas = section.querySelector<HTMLElement>("[data-map-canvas]");
      const failed = section.querySelector<HTMLElement>("[data-map-failed]");
      const { markers, tiles, attribution, loading, script, stylesheet } = section.dataset;
      if (!controls || !button || !label || !canvas || !failed || !markers || !tiles || !script || !stylesheet) continue;
      controls.hidden = false;
      button.addEventListener("click", () => {
        if (button.disabled) return;
        button.disabled = true;
        label.textContent = loading ?? label.textContent;
        const css = new Promise<void>((resolve, reject) => {
          const link = document.createElement("link");
          link.rel = "stylesheet";
          link.href = stylesheet;
          link.onload = () => resolve();
          link.onerror = () => reject(new Error("stylesheet"));
          document.head.appendChild(link);
        });
        const code = new Promise<void>((resolve, reject) => {
          const tag = document.createElement("script");
          tag.src = script;
          tag.onload = () => resolve();
          tag.onerror = () => reject(new Error("script"));
          document.head.appendChild(tag);
        });
        Promise.all([css, code])
          .then(() => {
            const L = (window as unknown as { L: Leaflet }).L;
            controls.hidden = true;
            canvas.hidden = false;
            const map = L.map(canvas, { scrollWheelZoom: false });
            // Tile servers such as OpenStreetMap's ask to know the site that shows their tiles: the origin, never the page.
            L.tileLayer(tiles, { attribution: attribution ?? "", maxZoom: 18, referrerPolicy: "origin" }).addTo(map);
            // HTML markers (no images to fetch), focusable: Tab reaches each, Enter opens its popup.
            const icon = L.divIcon({
              className: "picket-marker",
              html: '<span aria-hidden="true"></span>',
              iconSize: [22, 22],
              iconAnchor: [11, 11],
              popupAnchor: [0, -10],
            });
            const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
            const points: [number, number][] = [];
            for (const m of JSON.parse(markers) as MapMarker[]) {
              L.marker([m.lat, m.lng], { icon, title: m.title, alt: m.title, keyboard: true })
                .bindPopup(`<a href="${escape(m.href)}"><strong>${escape(m.title)}</strong></a><br>${escape(m.when)}<br>${escape(m.place)}`, { maxWidth: 240 })
                .addTo(map);
              points.push([m.lat, m.lng]);
            }
            if (points.length === 1) map.setView(points[0]!, 12);
            else map.fitBounds(L.latLngBounds(points), { padding: [30, 30], maxZoom: 12 });
          })
          .catch(() => {
            controls.hidden = true;
            canvas.hidden = true;
            failed.hidden = false;
          });
      });
    }
  }

  // A submitted form says it is busy and is not sent twice; a page restored from the back-forward cache is
  // ready again.
  function busyForms() {
    const restore: (() => void)[] = [];
    document.addEventListener("submit", (e) => {
      const form = e.target;
      if (!(form instanceof HTMLFormElement) || e.defaultPrevented) return;
      if (form.dataset.busy) {
        e.preventDefault();
        return;
      }
      const button = form.querySelector<HTMLButtonElement>("button[type=submit][data-pending-label]");
      if (!button) return;
      form.dataset.busy = "1";
      const before = [...button.childNodes];
      // After the browser has taken the form's data: a disabled button is left out of it.
      setTimeout(() => {
        button.disabled = true;
        button.setAttribute("aria-disabled", "true");
        button.textContent = button.dataset.pendingLabel ?? "";
      });
      restore.push(() => {
        delete form.dataset.busy;
        button.disabled = false;
        button.removeAttribute("aria-disabled");
        button.replaceChildren(...before);
      });
    });
    window.addEventListener("pageshow", (e) => {
      if (e.persisted) restore.splice(0).forEach((undo) => undo());
    });
  }

  // After a refused submission, focus goes to the first field to fix; its message is read with it. Once the page
  // has loaded: the browser's own move to the address's #fragment comes before, and would take focus away.
  function focusFirstError() {
    const field = document.querySelector<HTMLElement>('main form [aria-invalid="true"]');
    if (!field) return;
    if (document.readyState === "complete") field.focus();
    else window.addEventListener("load", () => setTimeout(() => field.focus()), { once: true });
  }

  localTimes();
  maps();
  busyForms();
  focusFirstError();
}
