// Public JSON history of a record: every published change with its field diff and sources.
import { createRoute } from "@hono/zod-openapi";
import { findImportedFrom, listAuditEntries } from "../db/audit-log.js";
import { findPublishedRecord } from "../db/changes-publish.js";
import type { AppDeps } from "../http/deps.js";
import { hasPermission } from "../domain/auth.js";
import { NotFoundError } from "../domain/errors.js";
import { errorResponses } from "../http/errors.js";
import { HistoryParams, HistorySchema, presentHistoryEntry } from "./changes.schemas.js";
import { currentPrincipal } from "../http/auth.js";
import { createApiRouter } from "./router.js";

const historyRoute = createRoute({
  method: "get",
  path: "/{kind}/{id}",
  tags: ["History"],
  summary:
    "A record's history: each published change (oldest first) with its field diff and sources; editors also see who",
  request: { params: HistoryParams },
  responses: {
    200: { description: "The history", content: { "application/json": { schema: HistorySchema } } },
    400: errorResponses[400],
    404: errorResponses[404],
  },
});

export function historyApi(deps: AppDeps) {
  const app = createApiRouter();
  app.openapi(historyRoute, async (c) => {
    const { kind, id } = c.req.valid("param");
    const showPeople = hasPermission(currentPrincipal(c), "edit");
    const entries = await listAuditEntries(deps.db, kind, id);
    if (entries.length === 0 && !(await findPublishedRecord(deps.db, kind, id))) throw new NotFoundError(kind, id);
    return c.json(
      {
        record_kind: kind,
        record_id: id,
        imported_from: await findImportedFrom(deps.db, kind, id),
        entries: entries.map((e) => presentHistoryEntry(e, showPeople)),
      },
      200,
    );
  });
  return app;
}
