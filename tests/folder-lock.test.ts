import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openDatabase } from "@/db/client";
import { currentBootId, FolderLockedError, processStartTime, type LockHolder } from "@/db/folder-lock";

const roots: string[] = [];
const children: ChildProcess[] = [];

function tempDataDir(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "governance-lock-"));
  roots.push(root);
  return path.join(root, "pglite");
}

afterEach(async () => {
  // Wait for the holders to be gone before removing their folders.
  await Promise.all(
    children.splice(0).map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          child.once("exit", () => resolve());
          child.kill("SIGKILL");
        }),
    ),
  );
  for (const root of roots.splice(0)) fs.rmSync(root, { recursive: true, force: true });
});

/** Starts another process that opens the folder and holds it until killed. */
async function holdFolderInAnotherProcess(dataDir: string): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "tests/fixtures/hold-folder.ts", dataDir],
    { cwd: process.cwd(), stdio: ["ignore", "pipe", "inherit"] },
  );
  children.push(child);
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on("data", (chunk: Buffer) => chunk.toString().includes("holding") && resolve());
    child.on("exit", (code) => reject(new Error(`holder exited with ${code}`)));
  });
  return child;
}

describe("PGlite folder lock", () => {
  it("refuses a second process, naming the folder and the holder's pid", async () => {
    const dataDir = tempDataDir();
    const holder = await holdFolderInAnotherProcess(dataDir);
    let caught: unknown;
    try {
      openDatabase({ driver: "pglite", dataDir });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(FolderLockedError);
    const message = (caught as Error).message;
    expect(message).toContain(dataDir);
    expect(message).toContain(`process ${(caught as FolderLockedError).holder.pid}`);
    expect((caught as FolderLockedError).holder.pid).toBe(holder.pid);
  });

  it("makes a CLI command on a held folder exit non-zero with the lock message", async () => {
    const dataDir = tempDataDir();
    await holdFolderInAnotherProcess(dataDir);
    const result = spawnSync("npm", ["run", "--silent", "db:migrate"], {
      env: { ...process.env, PGLITE_DIR: dataDir, DATABASE_URL: "" },
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain(`The embedded database folder ${dataDir} is in use by process`);
  });

  it("takes over a stale lock left by a process that died", async () => {
    const dataDir = tempDataDir();
    fs.mkdirSync(path.dirname(dataDir), { recursive: true });
    fs.writeFileSync(`${dataDir}.lock`, JSON.stringify({ pid: 2 ** 22 + 12345, host: os.hostname(), since: "2020-01-01" }));
    const handle = openDatabase({ driver: "pglite", dataDir });
    await handle.close();
    expect(fs.existsSync(`${dataDir}.lock`)).toBe(false);
  });

  describe("a lock naming a live process", () => {
    /** A live process that has nothing to do with the folder: what a stale lock's pid names once it is reused. */
    async function unrelatedProcess(): Promise<number> {
      const child = spawn("sleep", ["60"], { stdio: "ignore" });
      children.push(child);
      await new Promise<void>((resolve, reject) => {
        child.once("spawn", () => resolve());
        child.once("error", reject);
      });
      return child.pid!;
    }

    function writeLock(dataDir: string, holder: LockHolder) {
      fs.mkdirSync(path.dirname(dataDir), { recursive: true });
      fs.writeFileSync(`${dataDir}.lock`, JSON.stringify(holder));
    }

    async function opens(dataDir: string): Promise<boolean> {
      try {
        await openDatabase({ driver: "pglite", dataDir }).close();
        return true;
      } catch (error) {
        if (error instanceof FolderLockedError) return false;
        throw error;
      }
    }

    it("records the boot and the start time of its holder", async () => {
      const dataDir = tempDataDir();
      const holder = await holdFolderInAnotherProcess(dataDir);
      const lock = JSON.parse(fs.readFileSync(`${dataDir}.lock`, "utf8")) as LockHolder;
      expect(lock).toMatchObject({ pid: holder.pid, host: os.hostname(), bootId: currentBootId(), startTime: processStartTime(holder.pid!) });
      expect(lock.startTime).toMatch(/^\d+$/);
    });

    it("takes it over when the pid now names another process (another start time)", async () => {
      const dataDir = tempDataDir();
      const pid = await unrelatedProcess();
      const startTime = String(Number(processStartTime(pid)) - 100);
      writeLock(dataDir, { pid, host: os.hostname(), since: "2020-01-01", bootId: currentBootId(), startTime });
      expect(await opens(dataDir)).toBe(true);
      expect(fs.existsSync(`${dataDir}.lock`)).toBe(false);
    });

    it("takes it over when it was written before the machine rebooted", async () => {
      const dataDir = tempDataDir();
      const pid = await unrelatedProcess();
      writeLock(dataDir, { pid, host: os.hostname(), since: "2020-01-01", bootId: "00000000-0000-4000-8000-000000000000", startTime: processStartTime(pid) });
      expect(await opens(dataDir)).toBe(true);
    });

    it("keeps it when the process is the one that wrote it (same boot, same start time)", async () => {
      const dataDir = tempDataDir();
      const pid = await unrelatedProcess();
      writeLock(dataDir, { pid, host: os.hostname(), since: "2020-01-01", bootId: currentBootId(), startTime: processStartTime(pid) });
      expect(await opens(dataDir)).toBe(false);
    });

    it("keeps it when the lock says nothing but the pid (an older lock): a live pid may be its holder", async () => {
      const dataDir = tempDataDir();
      const pid = await unrelatedProcess();
      writeLock(dataDir, { pid, host: os.hostname(), since: "2020-01-01" });
      expect(await opens(dataDir)).toBe(false);
    });
  });
});

describe("processStartTime", () => {
  it("reads field 22 of /proc/<pid>/stat, and nothing for a process that does not exist", () => {
    const fields = fs.readFileSync(`/proc/${process.pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    expect(processStartTime(process.pid)).toBe(fields[19]);
    expect(processStartTime(2 ** 22 + 12345)).toBeUndefined();
  });
});
