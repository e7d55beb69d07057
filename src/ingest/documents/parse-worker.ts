// Runs in a worker thread (see parser-pool.ts): parses untrusted files one at a time and answers with the parsed
// document or the error's name and message, so a hostile file costs this thread, never the server's.
import { parentPort } from "node:worker_threads";
import { parseDocumentBytes } from "./formats.js";

export interface ParseJob {
  id: number;
  bytes: Uint8Array;
  name: string;
  contentType: string | null;
}

const port = parentPort!;
port.on("message", (job: ParseJob) => {
  parseDocumentBytes(job.bytes, job.name, job.contentType).then(
    (document) => port.postMessage({ id: job.id, document }),
    (error: unknown) =>
      port.postMessage({
        id: job.id,
        error: {
          name: error instanceof Error ? error.name : "Error",
          message: error instanceof Error ? error.message : String(error),
        },
      }),
  );
});
port.postMessage({ ready: true });
