// JSON API for processes: list by kind or by the day they were running, and one process with everything about it.
import { createRoute } from "@hono/zod-openapi";
import type { AppDeps } from "../http/deps.js";
import { getProcessDetail, listProcesses } from "../db/processes.js";
import { errorResponses } from "../http/errors.js";
import { paginated, toPage } from "./pagination.js";
import { ProcessDetailSchema, ProcessIdParam, ProcessListQuery, ProcessListSchema, presentProcess, presentProcessDetail } from "./processes.schemas.js";
import { createApiRouter } from "./router.js";

const listRoute = createRoute({
  method: "get",
  path: "/",
  tags: ["Processes"],
  summary: "List UN cyber processes (GGEs, OEWGs, Ad Hoc Committee, Global Mechanism) in order of their start",
  request: { query: ProcessListQuery },
  responses: { 200: { description: "A page of processes", content: { "application/json": { schema: ProcessListSchema } } }, 400: errorResponses[400] },
});

const getRoute = createRoute({
  method: "get",
  path: "/{id}",
  tags: ["Processes"],
  summary: "One process: mandate, chair, membership, sessions, resolutions with totals, outcome, final reports, sources",
  request: { params: ProcessIdParam },
  responses: {
    200: { description: "The process", content: { "application/json": { schema: ProcessDetailSchema } } },
    400: errorResponses[400],
    404: errorResponses[404],
  },
});

export function processesApi(deps: AppDeps) {
  const app = createApiRouter();
  app.openapi(listRoute, async (c) => {
    const q = c.req.valid("query");
    const { items, total } = await listProcesses(deps.db, { kind: q.kind, activeOn: q.active_on }, toPage(q));
    return c.json(paginated(items.map(presentProcess), total, q), 200);
  });
  app.openapi(getRoute, async (c) => {
    const { id } = c.req.valid("param");
    return c.json(presentProcessDetail(await getProcessDetail(deps.db, id)), 200);
  });
  return app;
}
