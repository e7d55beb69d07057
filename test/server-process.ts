// Runs the real `normwatch` command as a child process (node bin/normwatch.js …) on a throwaway DATA_DIR,
// for CLI and robustness tests and the startup bench: collects its output and waits until it is ready.
import { spawn, type ChildProcess } from "node:child_process";
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath } from "node:url";

export const BIN = fileURLToPath(new URL("../bin/normwatch.js", import.meta.url));
const ROOT = fileURLToPath(new URL("..", import.meta.url));

/**
 * How long a child may take to migrate, seed and answer /healthz, or a CLI command to finish. Sized for a
 * two-core machine shared with other test workers and Chromium (a first start took over 120 s there), not
 * for a quiet laptop (about 20 s): waiting longer costs nothing when the server is quick.
 */
export const STARTUP_BUDGET_MS = 10 * 60_000;

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/**
 * The environment of a child: ours without database settings, plus the given variables. The bundled corpus is not
 * imported unless a test asks for it (BUNDLED_CORPUS=background): it would keep a busy CI machine busier.
 */
function childEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  const base = { ...process.env };
  delete base["DATABASE_URL"];
  delete base["PORT"];
  return { ...base, HOST: "127.0.0.1", LOG_LEVEL: "info", BUNDLED_CORPUS: "off", ...env };
}

export function runCli(args: string[], env: Record<string, string>, timeoutMs = STARTUP_BUDGET_MS): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: ROOT,
      env: childEnv(env),
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.on("error", reject);
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

export interface ServerProcess {
  child: ChildProcess;
  /** Every line written to stderr so far. */
  lines: string[];
  /**
   * Resolves with the URL from "Normwatch is serving <url>" once GET /readyz answers 200 there; rejects if the
   * process exits first or STARTUP_BUDGET_MS passes.
   */
  ready: Promise<string>;
  /** Resolves when a line matching the pattern appears (rejects if the process exits first). */
  waitForLine(pattern: RegExp, timeoutMs?: number): Promise<string>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Sends SIGTERM (if still running) and waits for the exit. */
  stop(): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export function startServerProcess(dataDir: string, env: Record<string, string> = {}): ServerProcess {
  const child = spawn(process.execPath, [BIN, "serve"], {
    cwd: ROOT,
    env: childEnv({ DATA_DIR: dataDir, PORT: "0", ...env }),
    stdio: ["ignore", "ignore", "pipe"],
  });
  const lines: string[] = [];
  const waiters: { pattern: RegExp; resolve: (line: string) => void }[] = [];
  let buffer = "";
  child.stderr!.on("data", (d: Buffer) => {
    buffer += d.toString();
    let newline: number;
    while ((newline = buffer.indexOf("\n")) >= 0) {
      const line = buffer.slice(0, newline);
      buffer = buffer.slice(newline + 1);
      lines.push(line);
      for (const w of [...waiters]) {
        if (w.pattern.test(line)) {
          waiters.splice(waiters.indexOf(w), 1);
          w.resolve(line);
        }
      }
    }
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on("exit", (code, signal) => resolve({ code, signal })),
  );
  const waitForLine = (pattern: RegExp, timeoutMs = STARTUP_BUDGET_MS) =>
    new Promise<string>((resolve, reject) => {
      const seen = lines.find((l) => pattern.test(l));
      if (seen) return resolve(seen);
      const timer = setTimeout(
        () => reject(new Error(`no line matching ${pattern} within ${timeoutMs} ms:\n${lines.join("\n")}`)),
        timeoutMs,
      );
      waiters.push({ pattern, resolve: (line) => (clearTimeout(timer), resolve(line)) });
      void exited.then(({ code, signal }) => {
        clearTimeout(timer);
        reject(new Error(`the server exited (code ${code}, signal ${signal}) before ${pattern}:\n${lines.join("\n")}`));
      });
    });
  const deadline = Date.now() + STARTUP_BUDGET_MS;
  const ready = waitForLine(/Normwatch is serving (\S+)/).then(async (line) => {
    const url = /Normwatch is serving (\S+)/.exec(line)![1]!;
    await waitForReady(url, deadline, () => child.exitCode !== null || child.signalCode !== null);
    return url;
  });
  ready.catch(() => {});
  return {
    child,
    lines,
    ready,
    waitForLine,
    exited,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      return exited;
    },
  };
}

/** Polls GET /readyz until it answers 200: the log line says the socket listens, this that the database is ready. */
async function waitForReady(url: string, deadline: number, hasExited: () => boolean): Promise<void> {
  let last = "no answer yet";
  while (Date.now() < deadline) {
    if (hasExited()) throw new Error(`the server at ${url} exited before /readyz answered (${last})`);
    try {
      const res = await fetch(`${url}/readyz`, { signal: AbortSignal.timeout(Math.max(1, deadline - Date.now())) });
      if (res.ok) return;
      last = `status ${res.status}`;
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    }
    await sleep(200);
  }
  throw new Error(`${url}/readyz did not answer 200 within ${STARTUP_BUDGET_MS} ms of the start (${last})`);
}
