import { log } from "@/lib/log";

// The map's tile server: OpenStreetMap's by default, another by PICKET_MAP_TILE_URL, none when it is empty.
const DEFAULT_TILES = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";
const DEFAULT_ATTRIBUTION = '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors';

export interface MapSettings {
  tileUrl: string;
  attribution: string;
  /** The tile server's host, named to the reader before anything is loaded from it. */
  host: string;
}

export function mapSettings(env: Record<string, string | undefined> = process.env): MapSettings | null {
  const tileUrl = env.PICKET_MAP_TILE_URL ?? DEFAULT_TILES;
  if (!tileUrl) return null;
  // A tile template names {z}, {x} and {y} and is fetched over http(s); anything else shows no map.
  const url = URL.canParse(tileUrl.replace(/\{[a-z]\}/g, "0")) ? new URL(tileUrl.replace(/\{[a-z]\}/g, "0")) : null;
  if (!url || !/^https?:$/.test(url.protocol) || !["{z}", "{x}", "{y}"].every((p) => tileUrl.includes(p))) {
    log.warn("PICKET_MAP_TILE_URL is not an http(s) tile template with {z}, {x} and {y}; the campaign map is off.");
    return null;
  }
  return { tileUrl, attribution: env.PICKET_MAP_ATTRIBUTION || DEFAULT_ATTRIBUTION, host: url.host };
}
