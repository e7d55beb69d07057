// Parses untrusted files (uploads, downloads, files given to `normwatch ingest`) in a worker thread with a time limit
// and heap limits: a file built to exhaust a parser is cut off with a clear error, and the server's event loop keeps
// serving meanwhile. The worker is started on first use, reused for the files that follow, and replaced after a kill.
import { Worker } from "node:worker_threads";
import type { ParsedDocument } from "../../domain/documents.js";
import { DocumentParseError } from "./akn.js";
import { UnsupportedFormatError } from "./formats.js";
import type { ParseJob } from "./parse-worker.js";
import { UnsafeXmlError } from "./xml-tree.js";

export interface ParserLimits {
  /** Longest a single file may take to parse; the worker is terminated past it. */
  timeoutMs: number;
  /** The worker's V8 heap (old generation); past it the worker dies and the file is refused. */
  maxHeapMb: number;
  /**
   * Growth of the process's resident memory while one file parses. Decoded buffers (a PDF stream that inflates to a
   * gigabyte) live outside the V8 heap, so resourceLimits do not see them: the pool watches RSS and stops the worker.
   */
  maxMemoryGrowthMb: number;
  /** How long a new worker may take to load the parsers (slow on a busy machine). */
  startTimeoutMs: number;
  /** Workers parsing side by side. */
  workers: number;
}

export const DEFAULT_PARSER_LIMITS: ParserLimits = {
  timeoutMs: 30_000,
  maxHeapMb: 768,
  maxMemoryGrowthMb: 768,
  startTimeoutMs: 120_000,
  workers: 1,
};
const MEMORY_CHECK_MS = 100;

const BOOT = new URL("./parse-worker-boot.mjs", import.meta.url);
const WORKER_MODULE = new URL("./parse-worker.ts", import.meta.url).href;
const ERRORS: Record<string, new (message: string) => Error> = {
  DocumentParseError,
  UnsupportedFormatError,
  UnsafeXmlError,
};

interface Pending {
  job: ParseJob;
  timeoutMs: number;
  resolve: (document: ParsedDocument) => void;
  reject: (error: Error) => void;
}
interface Slot {
  worker: Worker;
  isReady: boolean;
  current?: Pending & { timer: NodeJS.Timeout; memoryWatch: NodeJS.Timeout };
  startTimer: NodeJS.Timeout;
}
type WorkerAnswer =
  { ready: true } | { id: number; document: ParsedDocument } | { id: number; error: { name: string; message: string } };

export class DocumentParserPool {
  readonly limits: ParserLimits;
  #queue: Pending[] = [];
  #slots: Slot[] = [];
  #nextId = 1;

  constructor(limits: Partial<ParserLimits> = {}) {
    this.limits = { ...DEFAULT_PARSER_LIMITS, ...limits };
  }

  /** Parses one file; `timeoutMs` overrides the pool's limit for this file. */
  parse(
    bytes: Uint8Array,
    name: string,
    contentType: string | null = null,
    options: { timeoutMs?: number } = {},
  ): Promise<ParsedDocument> {
    return new Promise((resolve, reject) => {
      this.#queue.push({
        job: { id: this.#nextId++, bytes, name, contentType },
        timeoutMs: options.timeoutMs ?? this.limits.timeoutMs,
        resolve,
        reject,
      });
      this.#pump();
    });
  }

  /** The worker threads alive now (for diagnostics and tests). */
  get threadIds(): number[] {
    return this.#slots.map((slot) => slot.worker.threadId);
  }

  /** Stops the workers; files still waiting are refused. */
  async close(): Promise<void> {
    const slots = this.#slots.splice(0);
    for (const pending of this.#queue.splice(0))
      pending.reject(new DocumentParseError("the document parser was stopped"));
    await Promise.all(slots.map((slot) => this.#stop(slot, new DocumentParseError("the document parser was stopped"))));
  }

  #pump(): void {
    while (this.#queue.length > 0) {
      const slot = this.#slots.find((s) => s.isReady && !s.current);
      if (!slot) {
        if (this.#slots.length < this.limits.workers) this.#spawn();
        return;
      }
      this.#run(slot, this.#queue.shift()!);
    }
  }

  #spawn(): void {
    const worker = new Worker(BOOT, {
      workerData: { module: WORKER_MODULE },
      resourceLimits: { maxOldGenerationSizeMb: this.limits.maxHeapMb, maxYoungGenerationSizeMb: 48, stackSizeMb: 8 },
    });
    const slot: Slot = {
      worker,
      isReady: false,
      startTimer: setTimeout(
        () =>
          this.#lose(
            slot,
            new DocumentParseError(`the document parser did not start within ${seconds(this.limits.startTimeoutMs)}`),
          ),
        this.limits.startTimeoutMs,
      ),
    };
    worker.on("message", (answer: WorkerAnswer) => this.#answer(slot, answer));
    worker.on("error", (error: Error & { code?: string }) => {
      const outOfMemory = error.code === "ERR_WORKER_OUT_OF_MEMORY";
      this.#lose(
        slot,
        new DocumentParseError(
          outOfMemory
            ? `refused: parsing needed more than ${this.limits.maxHeapMb} MB of memory; the file was stopped`
            : `the document parser failed: ${error.message}`,
        ),
      );
    });
    worker.on("exit", (code) =>
      this.#lose(slot, new DocumentParseError(`the document parser stopped (exit code ${code})`)),
    );
    this.#slots.push(slot);
  }

  #answer(slot: Slot, answer: WorkerAnswer): void {
    if ("ready" in answer) {
      slot.isReady = true;
      clearTimeout(slot.startTimer);
      if (!slot.current) slot.worker.unref();
      this.#pump();
      return;
    }
    const current = slot.current;
    if (!current || current.job.id !== answer.id) return;
    clearTimeout(current.timer);
    clearInterval(current.memoryWatch);
    slot.current = undefined;
    // An idle worker must not keep a finished CLI run or test process alive.
    slot.worker.unref();
    if ("error" in answer) current.reject(new (ERRORS[answer.error.name] ?? DocumentParseError)(answer.error.message));
    else current.resolve(answer.document);
    this.#pump();
  }

  #run(slot: Slot, pending: Pending): void {
    slot.worker.ref();
    const timer = setTimeout(
      () =>
        this.#lose(
          slot,
          new DocumentParseError(
            `refused: parsing took longer than ${seconds(pending.timeoutMs)}, so it was stopped (a file this slow is usually deeply nested or built to exhaust the parser)`,
          ),
        ),
      pending.timeoutMs,
    );
    const baseline = process.memoryUsage.rss();
    const limitBytes = this.limits.maxMemoryGrowthMb * 1024 * 1024;
    const memoryWatch = setInterval(() => {
      if (process.memoryUsage.rss() - baseline > limitBytes)
        this.#lose(
          slot,
          new DocumentParseError(
            `refused: parsing used more than ${this.limits.maxMemoryGrowthMb} MB of memory, so it was stopped (a file that inflates this much is usually built to exhaust the parser)`,
          ),
        );
    }, MEMORY_CHECK_MS).unref();
    slot.current = { ...pending, timer, memoryWatch };
    slot.worker.postMessage(pending.job);
  }

  /** A worker died or overran: its file fails with `error`, it is terminated and dropped, and the queue moves on. */
  #lose(slot: Slot, error: Error): void {
    const index = this.#slots.indexOf(slot);
    if (index < 0) return;
    this.#slots.splice(index, 1);
    void this.#stop(slot, error);
    // A worker that never started would fail the same way again: the files waiting for it fail too.
    if (!slot.isReady) for (const pending of this.#queue.splice(0)) pending.reject(error);
    this.#pump();
  }

  async #stop(slot: Slot, error: Error): Promise<void> {
    clearTimeout(slot.startTimer);
    const current = slot.current;
    slot.current = undefined;
    if (current) {
      clearTimeout(current.timer);
      clearInterval(current.memoryWatch);
      current.reject(error);
    }
    await slot.worker.terminate();
  }
}

function seconds(ms: number): string {
  return ms >= 1000 ? `${Math.round(ms / 100) / 10} s` : `${ms} ms`;
}

let shared: DocumentParserPool | undefined;

/** Parses an untrusted file in the process's shared parser worker. */
export function parseUntrustedDocument(
  bytes: Uint8Array,
  name: string,
  contentType: string | null = null,
): Promise<ParsedDocument> {
  shared ??= new DocumentParserPool();
  return shared.parse(bytes, name, contentType);
}
