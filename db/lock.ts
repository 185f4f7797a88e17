import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from "node:fs";
import path from "node:path";

// PGlite has no lock of its own: two processes on one directory silently lose writes.
// One process owns the directory; the holder is written down so a refusal can name it.

export interface LockHolder {
  pid: number;
  command: string;
  since: string;
  bootId?: string;
  startTicks?: string;
}

export class DataDirLockedError extends Error {
  constructor(
    readonly dir: string,
    readonly holder: LockHolder,
  ) {
    super(
      `The embedded database in ${dir} is in use by process ${holder.pid} (${holder.command}, since ${holder.since}). ` +
        `Only one process may open it: stop that process first, or point DATABASE_URL at a PostgreSQL server.`,
    );
    this.name = "DataDirLockedError";
  }
}

function readProc(file: string): string | undefined {
  try {
    return readFileSync(file, "utf8").trim();
  } catch {
    return undefined;
  }
}

function bootId() {
  return readProc("/proc/sys/kernel/random/boot_id");
}

// Field 22 of /proc/<pid>/stat: start time in clock ticks since boot. Tells a live holder from a reused pid.
function startTicks(pid: number) {
  const stat = readProc(`/proc/${pid}/stat`);
  if (!stat) return undefined;
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return fields[19];
}

// Field 3 of /proc/<pid>/stat: Z (zombie) or X (dead) is a process that has ended but not been reaped, as
// happens to a killed server's children in a container whose first process reaps nobody.
function hasEnded(pid: number) {
  const stat = readProc(`/proc/${pid}/stat`);
  if (!stat) return false;
  const state = stat.slice(stat.lastIndexOf(")") + 2).split(" ")[0];
  return state === "Z" || state === "X";
}

function isAlive(holder: LockHolder): boolean {
  if (holder.bootId && bootId() && holder.bootId !== bootId()) return false;
  if (hasEnded(holder.pid)) return false;
  try {
    process.kill(holder.pid, 0);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ESRCH") return false;
  }
  const ticks = startTicks(holder.pid);
  if (holder.startTicks && ticks && ticks !== holder.startTicks) return false;
  return true;
}

function readHolder(file: string): LockHolder | undefined {
  try {
    return JSON.parse(readFileSync(file, "utf8")) as LockHolder;
  } catch {
    return undefined;
  }
}

export interface DirLock {
  file: string;
  release(): void;
}

export function acquireDirLock(dir: string): DirLock {
  const file = path.join(dir, "picket.lock");
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      const fd = openSync(file, "wx", 0o600);
      const holder: LockHolder = {
        pid: process.pid,
        command:
          process.argv
            .slice(1, 3)
            .map((a) => path.basename(a))
            .join(" ") || "node",
        since: new Date().toISOString(),
        bootId: bootId(),
        startTicks: startTicks(process.pid),
      };
      writeSync(fd, JSON.stringify(holder));
      closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        process.off("exit", release);
        const current = readHolder(file);
        if (current?.pid === process.pid) {
          try {
            unlinkSync(file);
          } catch {
            // already gone
          }
        }
      };
      process.on("exit", release);
      return { file, release };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
      const holder = readHolder(file);
      if (holder && isAlive(holder)) throw new DataDirLockedError(dir, holder);
      if (!holder) {
        // A holder may be between creating and writing the file: give it a moment.
        const waitUntil = Date.now() + 50;
        while (Date.now() < waitUntil) {
          /* spin briefly */
        }
        const again = readHolder(file);
        if (again && isAlive(again)) throw new DataDirLockedError(dir, again);
      }
      try {
        unlinkSync(file); // stale: its process is gone
      } catch {
        // another process removed it first; try again
      }
    }
  }
  throw new Error(`Could not take the lock on ${dir}`);
}
