import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ConflictError } from "../domain/errors.js";
import { acquireDataDirLock } from "./data-dir-lock.js";

/** Above Linux's largest possible PID (4,194,304), so no process runs with it. */
const DEAD_PID = 99_999_999;

describe("data folder lock", () => {
  let dir: string;
  let lockPath: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "normwatch-lock-"));
    lockPath = path.join(dir, "normwatch.lock");
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("writes the owner's PID to normwatch.lock and removes the file on release", () => {
    const lock = acquireDataDirLock(dir);
    expect(lock.path).toBe(lockPath);
    expect(fs.readFileSync(lockPath, "utf8")).toBe(`${process.pid}\n`);
    lock.release();
    expect(fs.existsSync(lockPath)).toBe(false);
  });

  it("refuses while another running process holds it, naming the process and the lock file", () => {
    const other = process.ppid;
    fs.writeFileSync(lockPath, `${other}\n`);
    expect(() => acquireDataDirLock(dir)).toThrow(ConflictError);
    expect(() => acquireDataDirLock(dir)).toThrow(`already open in process ${other} (lock file ${lockPath})`);
    expect(fs.readFileSync(lockPath, "utf8")).toBe(`${other}\n`);
  });

  it("takes over a lock left by a process that no longer runs (kill -9)", () => {
    fs.writeFileSync(lockPath, `${DEAD_PID}\n`);
    const lock = acquireDataDirLock(dir);
    expect(fs.readFileSync(lockPath, "utf8")).toBe(`${process.pid}\n`);
    lock.release();
  });

  it("takes over a lock file that holds no PID", () => {
    fs.writeFileSync(lockPath, "");
    acquireDataDirLock(dir).release();
    expect(fs.existsSync(lockPath)).toBe(false);
  });

  it("release leaves alone a lock that another process has taken since", () => {
    const lock = acquireDataDirLock(dir);
    fs.writeFileSync(lockPath, `${process.ppid}\n`);
    lock.release();
    expect(fs.readFileSync(lockPath, "utf8")).toBe(`${process.ppid}\n`);
  });

  it("is taken again by the same process after release", () => {
    acquireDataDirLock(dir).release();
    const again = acquireDataDirLock(dir);
    expect(fs.existsSync(lockPath)).toBe(true);
    again.release();
  });
});
