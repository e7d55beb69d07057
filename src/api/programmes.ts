// JSON API for capacity-building programmes: list with filters (or CSV export), one programme with its sources and gaps.
import { createRoute } from "@hono/zod-openapi";
import type { AppDeps } from "../http/deps.js";
import { countProgrammes, getProgramme, listEvidencedItemsByState, listProgrammes } from "../db/programmes.js";
import { listSourcesByRecord } from "../db/sources.js";
import { findProgrammeGaps, PROGRAMME_CSV_COLUMNS, programmeCsvRows } from "../domain/programme.js";
import { errorResponses } from "../http/errors.js";
import { csvResponse } from "./csv-response.js";
import { toListWindow } from "./list-params.js";
import { paginated } from "./pagination.js";
import {
  presentProgramme,
  presentProgrammeDetail,
  ProgrammeDetailSchema,
  ProgrammeIdParam,
  ProgrammeListQuery,
  ProgrammeListSchema,
} from "./programmes.schemas.js";
import { createApiRouter, itemRoute } from "./router.js";
import { requireStateParam } from "../http/state-param.js";

const TAG = "Implementation";

const list = createRoute({
  method: "get",
  path: "/",
  tags: [TAG],
  summary:
    "Capacity-building programmes (fields named after IATI activities); filter by beneficiary State, funder, norm or CBM; ?format=csv exports every match",
  request: { query: ProgrammeListQuery },
  responses: {
    200: {
      description: "A page of programmes, or CSV",
      content: {
        "application/json": { schema: ProgrammeListSchema },
        "text/csv": { schema: ProgrammeListSchema.shape.data.openapi({ type: "string" }) },
      },
    },
    400: errorResponses[400],
  },
});

export function programmesApi(deps: AppDeps) {
  const app = createApiRouter();
  app.openapi(list, async (c) => {
    const q = c.req.valid("query");
    const beneficiary = await requireStateParam(deps.db, q.beneficiary, "beneficiary");
    const filter = { beneficiary, funder: q.funder, itemId: q.item };
    const window = toListWindow(q);
    if (q.format === "csv") {
      // Every match, in the asked order: no paging.
      const items = await listProgrammes(deps.db, filter, { order: window.order, since: window.since });
      const sources = await listSourcesByRecord(
        deps.db,
        "programme",
        items.map((p) => p.id),
      );
      const rows = programmeCsvRows(items.map((p) => ({ ...p, sources: sources.get(p.id) ?? [] })));
      return csvResponse(c, { filename: "programmes.csv", columns: PROGRAMME_CSV_COLUMNS, rows, bom: q.bom }) as never;
    }
    const [items, total] = await Promise.all([
      listProgrammes(deps.db, filter, window),
      countProgrammes(deps.db, filter, window.since),
    ]);
    return c.json(paginated(items.map(presentProgramme), total, q), 200);
  });
  const one = itemRoute({
    tag: TAG,
    path: "/{id}",
    summary:
      "One programme with its sources and, per beneficiary State, the items it addresses that have no published evidence there",
    description: "The programme",
    params: ProgrammeIdParam,
    schema: ProgrammeDetailSchema,
  });
  app.openapi(one, async (c) => {
    const programme = await getProgramme(deps.db, c.req.valid("param").id);
    const evidenced = await listEvidencedItemsByState(deps.db, programme.beneficiaryStates);
    return c.json(presentProgrammeDetail(programme, findProgrammeGaps(programme, evidenced)), 200);
  });
  return app;
}
