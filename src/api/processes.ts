// JSON API for processes: list by kind or by the day they were running, and one process with everything about it.
import type { AppDeps } from "../http/deps.js";
import { getProcessDetail, listProcesses } from "../db/processes.js";
import { toListWindow } from "./list-params.js";
import { paginated } from "./pagination.js";
import {
  ProcessDetailSchema,
  ProcessIdParam,
  ProcessListQuery,
  ProcessListSchema,
  presentProcess,
  presentProcessDetail,
} from "./processes.schemas.js";
import { createApiRouter, itemRoute, listRoute } from "./router.js";

const list = listRoute({
  tag: "Processes",
  summary: "List UN cyber processes (GGEs, OEWGs, Ad Hoc Committee, Global Mechanism) in order of their start",
  description: "A page of processes",
  query: ProcessListQuery,
  schema: ProcessListSchema,
});

const one = itemRoute({
  tag: "Processes",
  path: "/{id}",
  summary:
    "One process: mandate, chair, membership, sessions, resolutions with totals, outcome, final reports, sources",
  description: "The process",
  params: ProcessIdParam,
  schema: ProcessDetailSchema,
});

export function processesApi(deps: AppDeps) {
  const app = createApiRouter();
  app.openapi(list, async (c) => {
    const q = c.req.valid("query");
    const { items, total } = await listProcesses(deps.db, { kind: q.kind, activeOn: q.active_on }, toListWindow(q));
    return c.json(paginated(items.map(presentProcess), total, q), 200);
  });
  app.openapi(one, async (c) => {
    const { id } = c.req.valid("param");
    return c.json(presentProcessDetail(await getProcessDetail(deps.db, id)), 200);
  });
  return app;
}
