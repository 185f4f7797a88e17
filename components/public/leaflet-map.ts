// Loaded only when a reader presses "Show map" (see event-map.tsx): Leaflet and its stylesheet are not
// part of the page until then.
import L from "leaflet";
import "leaflet/dist/leaflet.css";
import type { MapMarker } from "./event-map";

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function drawMap(element: HTMLElement, markers: MapMarker[], tileUrl: string, attribution: string) {
  const map = L.map(element, { scrollWheelZoom: false });
  // Tile servers such as OpenStreetMap's ask to know the site that shows their tiles: the origin, never the page.
  L.tileLayer(tileUrl, { attribution, maxZoom: 18, referrerPolicy: "origin" }).addTo(map);
  // HTML markers (no images to fetch), focusable: Tab reaches each, Enter opens its popup.
  const icon = L.divIcon({ className: "picket-marker", html: '<span aria-hidden="true"></span>', iconSize: [22, 22], iconAnchor: [11, 11], popupAnchor: [0, -10] });
  const points: L.LatLngExpression[] = [];
  for (const m of markers) {
    const marker = L.marker([m.lat, m.lng], { icon, title: m.title, alt: m.title, keyboard: true });
    marker.bindPopup(`<a href="${escape(m.href)}"><strong>${escape(m.title)}</strong></a><br>${escape(m.when)}<br>${escape(m.place)}`, { maxWidth: 240 });
    marker.addTo(map);
    points.push([m.lat, m.lng]);
  }
  if (points.length === 1) map.setView(points[0]!, 12);
  else map.fitBounds(L.latLngBounds(points), { padding: [30, 30], maxZoom: 12 });
}
