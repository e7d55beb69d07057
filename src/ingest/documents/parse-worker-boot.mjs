// Entry of the document-parsing worker thread: registers tsx (a worker does not inherit the parent's loader) and
// loads the TypeScript worker module named in workerData, so no build step is needed.
import { workerData } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();
await import(workerData.module);
