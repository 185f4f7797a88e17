// The files public pages load beside their HTML, served by app/assets/[file]/route.ts: our own script and
// stylesheet, and Leaflet's code and stylesheet for the map (fetched only when a reader asks for it). Names carry
// a version, so browsers may keep them for a year.

import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import leafletPackage from "leaflet/package.json";
import { enhance, fillReaderTime } from "./browser";
import { publicStylesheet } from "./stylesheet";

// The filler goes in as an argument: the script depends on no name a build might change.
const script = `"use strict";(${enhance.toString()})(${fillReaderTime.toString()});\n`;
const LEAFLET_VERSION = leafletPackage.version;

export const PUBLIC_SCRIPT_PATH = `/assets/picket.${createHash("sha256").update(script).digest("hex").slice(0, 12)}.js`;
export const LEAFLET_SCRIPT_PATH = `/assets/leaflet.${LEAFLET_VERSION}.js`;
export const LEAFLET_STYLESHEET_PATH = `/assets/leaflet.${LEAFLET_VERSION}.css`;

export interface Asset {
  body: string;
  type: string;
}

// Read once per process: the files do not change while it runs.
const leafletFiles = new Map<string, Promise<string>>();
function leaflet(file: string): Promise<string> {
  let text = leafletFiles.get(file);
  if (!text) {
    text = readFile(path.join(process.cwd(), "node_modules", "leaflet", "dist", file), "utf8");
    text.catch(() => leafletFiles.delete(file));
    leafletFiles.set(file, text);
  }
  return text;
}

/** A file by its name under /assets/, or null. Our script and stylesheet answer to any version of their names. */
export async function publicAsset(name: string): Promise<Asset | null> {
  if (/^picket\.[0-9a-f]{12}\.js$/.test(name)) return { body: script, type: "text/javascript; charset=utf-8" };
  if (/^picket\.[0-9a-f]{12}\.css$/.test(name)) return { body: (await publicStylesheet()).body, type: "text/css; charset=utf-8" };
  if (`/assets/${name}` === LEAFLET_SCRIPT_PATH) return { body: await leaflet("leaflet.js"), type: "text/javascript; charset=utf-8" };
  if (`/assets/${name}` === LEAFLET_STYLESHEET_PATH) return { body: await leaflet("leaflet.css"), type: "text/css; charset=utf-8" };
  return null;
}
