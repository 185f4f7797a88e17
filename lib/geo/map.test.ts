import { describe, expect, it } from "vitest";
import { mapSettings } from "./map";

describe("map settings", () => {
  it("takes OpenStreetMap's tiles by default and names their host", () => {
    expect(mapSettings({})).toMatchObject({ tileUrl: "https://tile.openstreetmap.org/{z}/{x}/{y}.png", host: "tile.openstreetmap.org" });
    expect(mapSettings({})!.attribution).toContain("OpenStreetMap");
  });

  it("shows no map when the setting is empty or not an http(s) tile template", () => {
    expect(mapSettings({ PICKET_MAP_TILE_URL: "" })).toBeNull();
    expect(mapSettings({ PICKET_MAP_TILE_URL: "javascript:alert(1)//{z}{x}{y}" })).toBeNull();
    expect(mapSettings({ PICKET_MAP_TILE_URL: "https://tiles.example.org/{z}/{x}.png" })).toBeNull();
  });

  it("keeps a credit even when the attribution setting is empty", () => {
    const s = mapSettings({ PICKET_MAP_TILE_URL: "https://tiles.example.org/{z}/{x}/{y}.png", PICKET_MAP_ATTRIBUTION: "" });
    expect(s).toMatchObject({ host: "tiles.example.org" });
    expect(s!.attribution).toContain("OpenStreetMap");
  });
});
