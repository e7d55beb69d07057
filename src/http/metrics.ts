// Prometheus metrics at /metrics: request durations by route pattern, the database pool, the delivery queue
// and its outcomes, seed and corpus-import progress, and Node's own process metrics. Database figures are read
// when Prometheus scrapes, so every app server reports the same queue.
import { Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";
import type { Db, DriverName, PoolStats } from "../db/client.js";
import { countDeliveries, getMigrationStatus, pingDatabase } from "../db/status.js";
import { DELIVERY_KINDS } from "../domain/vocabulary.js";
import type { CorpusStatus } from "../ingest/documents/corpus.js";
import { APP_VERSION } from "../version.js";
import type { RequestObserver } from "./request-log.js";
import type { StartupState } from "./startup-state.js";

export interface MetricsSources {
  db: Db;
  driver: DriverName;
  now: () => Date;
  startup: StartupState;
  /** The PostgreSQL pool's connections; absent on PGlite, which has no pool. */
  poolStats?: (() => PoolStats) | undefined;
  /** Where the bundled document corpus stands; absent when there is none. */
  corpusStatus?: (() => Promise<CorpusStatus>) | undefined;
}

export interface AppMetrics {
  observe: RequestObserver;
  /** Reads the database figures and renders every metric in Prometheus' text format. */
  render(): Promise<{ contentType: string; body: string }>;
}

/** Upper bounds in seconds: pages and API answers take milliseconds, the alignment matrix up to a second. */
const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** Node's process metrics (CPU, memory, event loop, GC) are per process, so they are collected once however many apps it builds. */
let processRegistry: Registry | undefined;
function processMetrics(): Registry {
  if (!processRegistry) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry });
  }
  return processRegistry;
}

export function createMetrics(sources: MetricsSources): AppMetrics {
  const registry = new Registry();
  const registers = [registry];
  new Gauge({
    name: "normwatch_build_info",
    help: "Normwatch version and database driver (always 1)",
    labelNames: ["version", "driver"],
    registers,
  }).set({ version: APP_VERSION, driver: sources.driver }, 1);
  const durations = new Histogram({
    name: "normwatch_http_request_duration_seconds",
    help: "Time to answer an HTTP request, by method, route pattern and status code",
    labelNames: ["method", "route", "status"],
    buckets: DURATION_BUCKETS,
    registers,
  });
  const databaseUp = new Gauge({
    name: "normwatch_database_up",
    help: "1 when the database answered this scrape, 0 otherwise",
    registers,
  });
  const migrationsPending = new Gauge({
    name: "normwatch_migrations_pending",
    help: "Migrations in this version that the database has not applied",
    registers,
  });
  const deliveries = new Gauge({
    name: "normwatch_deliveries",
    help: "Messages in the delivery queue by kind and status (queued and sending: waiting; sent, failed, bounced: outcomes)",
    labelNames: ["kind", "status"],
    registers,
  });
  const queueDepth = new Gauge({
    name: "normwatch_delivery_queue_depth",
    help: "Messages not yet sent or given up (queued or sending), by kind",
    labelNames: ["kind"],
    registers,
  });
  const queueDue = new Gauge({
    name: "normwatch_delivery_queue_due",
    help: "Queued messages whose next attempt is due now, by kind",
    labelNames: ["kind"],
    registers,
  });
  const seed = new Gauge({
    name: "normwatch_seed_datasets",
    help: "Bundled datasets this process has imported or found up to date (done) of all (total)",
    labelNames: ["state"],
    registers,
  });
  const seedFinished = new Gauge({
    name: "normwatch_seed_finished",
    help: "1 once this process finished importing the bundled datasets",
    registers,
  });
  const corpus = sources.corpusStatus
    ? {
        documents: new Gauge({
          name: "normwatch_corpus_import_documents",
          help: "Documents of the bundled corpus: handled so far (processed), failed, and in the corpus (total)",
          labelNames: ["state"],
          registers,
        }),
        finished: new Gauge({
          name: "normwatch_corpus_import_finished",
          help: "1 once the bundled corpus is imported into this database",
          registers,
        }),
      }
    : undefined;
  const poolStats = sources.poolStats;
  if (poolStats) {
    new Gauge({
      name: "normwatch_db_pool_connections",
      help: "PostgreSQL pool connections: open (total), idle, and callers waiting for one",
      labelNames: ["state"],
      registers,
      collect() {
        const stats = poolStats();
        for (const [state, value] of Object.entries(stats)) this.set({ state }, value);
      },
    });
  }

  async function refresh(): Promise<void> {
    const { startup } = sources;
    seed.set({ state: "done" }, startup.seed.done);
    seed.set({ state: "total" }, startup.seed.total);
    seedFinished.set(startup.seed.finished ? 1 : 0);
    try {
      await pingDatabase(sources.db);
    } catch {
      // The scrape still answers, so an alert can fire on normwatch_database_up == 0.
      databaseUp.set(0);
      return;
    }
    databaseUp.set(1);
    migrationsPending.set((await getMigrationStatus(sources.db)).pending);
    deliveries.reset();
    for (const kind of DELIVERY_KINDS) {
      queueDepth.set({ kind }, 0);
      queueDue.set({ kind }, 0);
    }
    for (const row of await countDeliveries(sources.db, sources.now())) {
      deliveries.set({ kind: row.kind, status: row.status }, row.count);
      if (row.status === "queued" || row.status === "sending") queueDepth.inc({ kind: row.kind }, row.count);
      queueDue.inc({ kind: row.kind }, row.due);
    }
    if (corpus && sources.corpusStatus) {
      const status = await sources.corpusStatus();
      corpus.documents.set({ state: "processed" }, status.processed);
      corpus.documents.set({ state: "failed" }, status.failed);
      corpus.documents.set({ state: "total" }, status.total);
      corpus.finished.set(status.state === "done" ? 1 : 0);
    }
  }

  return {
    observe({ method, route, status, seconds }) {
      durations.observe({ method, route, status: String(status) }, seconds);
    },
    async render() {
      await refresh();
      const merged = Registry.merge([registry, processMetrics()]);
      return { contentType: registry.contentType, body: await merged.metrics() };
    },
  };
}
