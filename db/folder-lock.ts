import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/**
 * PGlite has no lock of its own: two processes opening one data folder silently lose committed rows.
 * We guard the folder with a sibling lock file created exclusively (O_EXCL) that names its holder;
 * a lock whose process is gone is stale and taken over. A pid alone does not name a process: after a crash
 * and a reboot, or simply after enough processes, the pid in a stale lock belongs to another, unrelated
 * process (on a container restart it is often the same small number). So the lock also records the
 * machine's boot id and the process's start time (Linux: /proc), and a live pid whose boot or start time
 * differs is another process, and the lock stale.
 */
export class FolderLockedError extends Error {
  readonly code = "PGLITE_FOLDER_LOCKED";
  constructor(
    readonly folder: string,
    readonly holder: LockHolder,
  ) {
    super(
      `The embedded database folder ${folder} is in use by process ${holder.pid}` +
        (holder.command ? ` (${holder.command})` : "") +
        ` on ${holder.host} since ${holder.since}. PGlite admits one process at a time: stop that process, ` +
        `or set PGLITE_DIR to another folder, or use PostgreSQL through DATABASE_URL.`,
    );
    this.name = "FolderLockedError";
  }
}

export interface LockHolder {
  pid: number;
  host: string;
  since: string;
  command?: string;
  /** The kernel's id of the current boot (Linux); absent where there is no /proc, or in a lock written before. */
  bootId?: string;
  /** The process's start time in clock ticks after boot (/proc/<pid>/stat, field 22); absent as `bootId`. */
  startTime?: string;
}

function readProcFile(file: string): string | undefined {
  try {
    return fs.readFileSync(file, "utf8");
  } catch {
    return undefined;
  }
}

/** The id of this boot of the machine (Linux), or undefined elsewhere. */
export function currentBootId(): string | undefined {
  return readProcFile("/proc/sys/kernel/random/boot_id")?.trim() || undefined;
}

/**
 * The start time of process `pid` (proc(5): field 22 of /proc/<pid>/stat, `starttime`, in clock ticks after
 * boot), or undefined when it cannot be read (no such process, or no /proc). Field 2, the command name, is in
 * parentheses and may itself hold spaces and parentheses: the fields are counted after its last ")".
 */
export function processStartTime(pid: number): string | undefined {
  const stat = readProcFile(`/proc/${pid}/stat`);
  if (!stat) return undefined;
  const afterCommand = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  // afterCommand[0] is field 3 (state), so field 22 is at index 19.
  const startTime = afterCommand[19];
  return startTime && /^\d+$/.test(startTime) ? startTime : undefined;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Whether the lock's holder (on this host) is still running: its pid is alive, and, when the lock and this
 * machine both tell, in the same boot and with the same start time. A lock that does not record them (written
 * by an older version, or where there is no /proc) is judged by the pid alone: a live pid then keeps it.
 */
export function isHolderRunning(holder: LockHolder): boolean {
  if (!isAlive(holder.pid)) return false;
  const bootId = currentBootId();
  if (holder.bootId && bootId && holder.bootId !== bootId) return false;
  const startTime = processStartTime(holder.pid);
  if (holder.startTime && startTime && holder.startTime !== startTime) return false;
  return true;
}

function readHolder(lockFile: string): LockHolder | null {
  try {
    return JSON.parse(fs.readFileSync(lockFile, "utf8")) as LockHolder;
  } catch {
    return null;
  }
}

/** Takes the lock for `folder` or throws FolderLockedError. Returns a release function. */
export function lockFolder(folder: string): () => void {
  const absolute = path.resolve(folder);
  const lockFile = `${absolute}.lock`;
  fs.mkdirSync(path.dirname(absolute), { recursive: true });
  const me: LockHolder = {
    pid: process.pid,
    host: os.hostname(),
    since: new Date().toISOString(),
    command: process.argv.slice(1, 3).map((part) => path.basename(part)).join(" "),
    bootId: currentBootId(),
    startTime: processStartTime(process.pid),
  };

  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      fs.writeFileSync(lockFile, JSON.stringify(me), { flag: "wx" });
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        const holder = readHolder(lockFile);
        if (holder?.pid === process.pid) fs.rmSync(lockFile, { force: true });
      };
      process.once("exit", release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = readHolder(lockFile);
      if (holder && holder.pid !== process.pid && holder.host === me.host && isHolderRunning(holder)) {
        throw new FolderLockedError(absolute, holder);
      }
      if (holder && holder.host !== me.host) throw new FolderLockedError(absolute, holder);
      // Stale lock (its process is gone, or its pid now names another process) or a half-written file: remove it
      // and try again.
      fs.rmSync(lockFile, { force: true });
    }
  }
  throw new Error(`Could not take the lock ${lockFile}`);
}
