// The map's tile server: OpenStreetMap's by default, another by PICKET_MAP_TILE_URL, none when it is empty.
const DEFAULT_TILES = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";
const DEFAULT_ATTRIBUTION = '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors';

export interface MapSettings {
  tileUrl: string;
  attribution: string;
  /** The tile server's host, named to the reader before anything is loaded from it. */
  host: string;
}

export function mapSettings(env: NodeJS.ProcessEnv = process.env): MapSettings | null {
  const tileUrl = env.PICKET_MAP_TILE_URL ?? DEFAULT_TILES;
  if (!tileUrl) return null;
  try {
    const host = new URL(tileUrl.replace(/\{[a-z]\}/g, "0")).host;
    return { tileUrl, attribution: env.PICKET_MAP_ATTRIBUTION ?? DEFAULT_ATTRIBUTION, host };
  } catch {
    return null;
  }
}
