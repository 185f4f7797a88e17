import { spawnSync, type SpawnSyncOptions } from "node:child_process";

/** Runs a command in the foreground; stops the script with its exit code when it fails. */
export function run(command: string, args: string[], options: Omit<SpawnSyncOptions, "env"> & { env?: Record<string, string | undefined> } = {}) {
  const status = tryRun(command, args, options);
  if (status !== 0) process.exit(status);
}

/** Runs a command in the foreground and returns its exit code. */
export function tryRun(command: string, args: string[], options: Omit<SpawnSyncOptions, "env"> & { env?: Record<string, string | undefined> } = {}) {
  const r = spawnSync(command, args, { stdio: "inherit", ...options, env: { ...process.env, ...options.env } });
  if (r.status !== 0) console.error(`picket: \`${[command, ...args].join(" ")}\` failed (exit ${r.status ?? r.signal})`);
  return r.status ?? 1;
}
