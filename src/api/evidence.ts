// JSON API for published evidence (/evidence): list with filters, one record with its sources, and a CSV or JSON
// export with sources. Public tables hold published records only, so drafts and candidates never appear here.
import { createRoute, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { AppDeps } from "../http/deps.js";
import { getEvidence, listEvidence } from "../db/evidence.js";
import type { EvidenceFilter } from "../domain/evidence.js";
import { errorResponses } from "../http/errors.js";
import {
  EVIDENCE_CSV_COLUMNS,
  EvidenceExportQuery,
  EvidenceIdParam,
  EvidenceListQuery,
  EvidenceListSchema,
  EvidenceSchema,
  evidenceCsvRow,
  presentEvidence,
} from "./evidence.schemas.js";
import { csvResponse } from "./csv-response.js";
import { toListWindow } from "./list-params.js";
import { paginated } from "./pagination.js";
import { createApiRouter, itemRoute, listRoute } from "./router.js";
import { requireStateParam } from "../http/state-param.js";

const TAG = "Implementation";

const listEvidenceRoute = listRoute({
  tag: TAG,
  summary: "List published evidence that States or organisations implement norms and CBMs, with citations and sources",
  description: "A page of evidence, newest observation first",
  query: EvidenceListQuery,
  schema: EvidenceListSchema,
});

const getEvidenceRoute = itemRoute({
  tag: TAG,
  path: "/{id}",
  summary: "One published evidence record with its cited paragraph or URL and its sources",
  description: "The evidence record",
  params: EvidenceIdParam,
  schema: EvidenceSchema,
});

const exportRoute = createRoute({
  method: "get",
  path: "/export",
  tags: [TAG],
  summary: "Export published evidence (same filters as the list) as CSV or JSON, every record with its sources",
  request: { query: EvidenceExportQuery },
  responses: {
    200: {
      description: "Every matching record",
      content: { "text/csv": { schema: z.string() }, "application/json": { schema: z.array(EvidenceSchema) } },
    },
    400: errorResponses[400],
  },
});

function filterOf(q: z.infer<typeof EvidenceExportQuery> | z.infer<typeof EvidenceListQuery>): EvidenceFilter {
  return {
    stateIso3: q.state,
    organizationId: q.organization,
    itemId: q.item,
    frameworkId: q.framework,
    reporter: q.reporter,
    status: q.status,
    kind: q.kind,
  };
}

/** The base of absolute links in answers: configured, never the Host header. */
function siteBaseUrl(_c: Context, deps: AppDeps): string {
  return deps.editorial.siteUrl;
}

export function evidenceApi(deps: AppDeps) {
  const app = createApiRouter();
  app.openapi(exportRoute, async (c) => {
    const q = c.req.valid("query");
    const stateIso3 = await requireStateParam(deps.db, q.state, "state");
    const { items } = await listEvidence(deps.db, { ...filterOf(q), stateIso3 });
    const stamp = deps.now().toISOString().slice(0, 10);
    if (q.format === "json") {
      c.header("content-disposition", `attachment; filename="normwatch-evidence-${stamp}.json"`);
      return c.json(items.map(presentEvidence), 200);
    }
    const base = siteBaseUrl(c, deps);
    return csvResponse(c, {
      filename: `normwatch-evidence-${stamp}.csv`,
      columns: EVIDENCE_CSV_COLUMNS,
      rows: items.map((e) => evidenceCsvRow(e, base)),
      bom: q.bom,
    });
  });
  app.openapi(listEvidenceRoute, async (c) => {
    const q = c.req.valid("query");
    const stateIso3 = await requireStateParam(deps.db, q.state, "state");
    const { items, total } = await listEvidence(deps.db, { ...filterOf(q), stateIso3 }, toListWindow(q));
    return c.json(paginated(items.map(presentEvidence), total, q), 200);
  });
  app.openapi(getEvidenceRoute, async (c) => {
    const { id } = c.req.valid("param");
    return c.json(presentEvidence(await getEvidence(deps.db, id)), 200);
  });
  return app;
}
