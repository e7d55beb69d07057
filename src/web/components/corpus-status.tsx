// Where the bundled document corpus stands ("1,214 of 1,974 documents"), said plainly while it is still loading.
import type { Db } from "../../db/client.js";
import {
  getCorpusStatus,
  readCorpusManifest,
  type CorpusManifest,
  type CorpusStatus,
} from "../../ingest/documents/corpus.js";
import { DATASETS_DIR } from "../../ingest/seed.js";

let manifest: CorpusManifest | null | undefined;

/** The bundled corpus's status in this database (the manifest is read once per process). */
export async function loadCorpusStatus(db: Db): Promise<CorpusStatus> {
  manifest ??= readCorpusManifest(DATASETS_DIR);
  return getCorpusStatus({ db }, manifest);
}

const count = (n: number) => n.toLocaleString("en");

/** A notice for search results and document lists while the corpus is not all there; nothing once it is. */
export function CorpusLoadingNotice({ status }: { status: CorpusStatus }) {
  if (status.state !== "pending" && status.state !== "loading") return null;
  return (
    <p class="notice">
      The General Assembly resolutions of sessions 74–79 are still being loaded ({count(status.processed)} of{" "}
      {count(status.total)} documents so far): results are incomplete until it finishes.{" "}
      <a href="/about/data#corpus">Progress</a>
    </p>
  );
}

/** The corpus line of /about/data. */
export function CorpusProgress({ status }: { status: CorpusStatus }) {
  if (status.state === "absent") return <p>This installation has no bundled document corpus.</p>;
  const done = status.state === "done";
  return (
    <p>
      {done ? "Loaded" : status.state === "pending" ? "Waiting to load" : "Loading"}: {count(status.processed)} of{" "}
      {count(status.total)} documents
      {status.failed ? `, of which ${count(status.failed)} could not be stored (listed in the server log)` : ""}.
      {done ? null : " The server loads them in the background; search finds each one as soon as it is stored."}
    </p>
  );
}
