import { log } from "@/lib/log";

// A limit an operator may set in the environment. Anything but a whole number above zero keeps the default and
// says so: a typo must not turn a limit off (a count compared with NaN is never over it).
export function limitSetting(name: string, fallback: number, env: Record<string, string | undefined> = process.env): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === "") return fallback;
  const value = Number(raw);
  if (Number.isInteger(value) && value > 0) return value;
  log.warn(`picket: ${name}=${JSON.stringify(raw)} is not a whole number above zero; using ${fallback}`);
  return fallback;
}
