// One process at a time on an embedded database: a lock file holding the owner's PID.
// A lock left by a killed process (kill -9) is taken over, because its PID no longer runs.
import fs from "node:fs";
import path from "node:path";
import { ConflictError } from "../domain/errors.js";

export interface DataDirLock {
  path: string;
  release(): void;
}

const LOCK_NAME = "normwatch.lock";

export function acquireDataDirLock(dataDir: string, pid: number = process.pid): DataDirLock {
  const lockPath = path.join(dataDir, LOCK_NAME);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockPath, `${pid}\n`, { flag: "wx" });
      return {
        path: lockPath,
        release() {
          if (readOwner(lockPath) === pid) fs.rmSync(lockPath, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const owner = readOwner(lockPath);
      if (owner !== null && owner !== pid && isRunning(owner)) {
        throw new ConflictError(
          `the embedded database in ${dataDir} is already open in process ${owner} (lock file ${lockPath}); ` +
            `stop that process first, or set DATA_DIR to another folder`,
        );
      }
      // Stale lock from a process that no longer runs: remove it and try once more.
      fs.rmSync(lockPath, { force: true });
    }
  }
  throw new ConflictError(`could not take the lock ${lockPath}: another process keeps taking it`);
}

function readOwner(lockPath: string): number | null {
  try {
    const pid = Number.parseInt(fs.readFileSync(lockPath, "utf8").trim(), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
