import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/**
 * PGlite has no lock of its own: two processes opening one data folder silently lose committed rows.
 * We guard the folder with a sibling lock file created exclusively (O_EXCL) that names its holder;
 * a lock whose process is gone is stale and taken over.
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

interface LockHolder {
  pid: number;
  host: string;
  since: string;
  command?: string;
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
      if (holder && holder.pid !== process.pid && holder.host === me.host && isAlive(holder.pid)) {
        throw new FolderLockedError(absolute, holder);
      }
      if (holder && holder.host !== me.host) throw new FolderLockedError(absolute, holder);
      // Stale lock (its process is gone) or a half-written file: remove it and try again.
      fs.rmSync(lockFile, { force: true });
    }
  }
  throw new Error(`Could not take the lock ${lockFile}`);
}
