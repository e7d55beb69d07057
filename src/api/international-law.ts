// JSON API for positions on international law and treaty status (issue 16): lists with filters (or CSV), one record.
import { createRoute } from "@hono/zod-openapi";
import {
  getLegalPosition,
  getTreaty,
  listLegalPositions,
  listTreaties,
  listTreatyActions,
} from "../db/international-law.js";
import {
  LEGAL_POSITION_CSV_COLUMNS,
  legalPositionCsvRows,
  TREATY_ACTION_CSV_COLUMNS,
  treatyActionCsvRows,
} from "../domain/international-law.js";
import type { AppDeps } from "../http/deps.js";
import { errorResponses } from "../http/errors.js";
import {
  LegalPositionIdParam,
  LegalPositionListQuery,
  LegalPositionListSchema,
  LegalPositionSchema,
  presentLegalPosition,
  presentTreaty,
  presentTreatyAction,
  TreatyActionListQuery,
  TreatyActionListSchema,
  TreatyDetailSchema,
  TreatyIdParam,
  TreatyListSchema,
} from "./international-law.schemas.js";
import { csvResponse } from "./csv-response.js";
import { paginated } from "./pagination.js";
import { createApiRouter, itemRoute } from "./router.js";
import { requireStateParam } from "../http/state-param.js";

const TAG = "International law";

const positionList = createRoute({
  method: "get",
  path: "/",
  tags: [TAG],
  summary:
    "Published positions on how international law applies to the use of ICTs; filter by State, organisation, topic or year; ?format=csv exports every match",
  request: { query: LegalPositionListQuery },
  responses: {
    200: {
      description: "A page of positions, or CSV",
      content: {
        "application/json": { schema: LegalPositionListSchema },
        "text/csv": { schema: LegalPositionListSchema.shape.data.openapi({ type: "string" }) },
      },
    },
    400: errorResponses[400],
  },
});

export function legalPositionsApi(deps: AppDeps) {
  const app = createApiRouter();
  app.openapi(positionList, async (c) => {
    const q = c.req.valid("query");
    const items = await listLegalPositions(deps.db, {
      stateIso3: await requireStateParam(deps.db, q.state, "state"),
      organizationId: q.organization,
      topic: q.topic,
      year: q.year,
    });
    if (q.format === "csv")
      return csvResponse(c, {
        filename: "legal-positions.csv",
        columns: LEGAL_POSITION_CSV_COLUMNS,
        rows: legalPositionCsvRows(items),
        bom: q.bom,
      }) as never;
    return c.json(
      paginated(items.slice((q.page - 1) * q.per_page, q.page * q.per_page).map(presentLegalPosition), items.length, q),
      200,
    );
  });
  const one = itemRoute({
    tag: TAG,
    path: "/{id}",
    summary: "One position on international law with its sources",
    description: "The position",
    params: LegalPositionIdParam,
    schema: LegalPositionSchema,
  });
  app.openapi(one, async (c) =>
    c.json(presentLegalPosition(await getLegalPosition(deps.db, c.req.valid("param").id)), 200),
  );
  return app;
}

const treatyList = createRoute({
  method: "get",
  path: "/",
  tags: [TAG],
  summary: "Treaties whose status Normwatch holds, each saying whether that status is partial and as of when",
  responses: { 200: { description: "Every treaty", content: { "application/json": { schema: TreatyListSchema } } } },
});

const actionList = createRoute({
  method: "get",
  path: "/{id}/actions",
  tags: [TAG],
  summary:
    "Signatures, ratifications and accessions of one treaty, each row with the as-of date of its page; ?format=csv exports them",
  request: { params: TreatyIdParam, query: TreatyActionListQuery },
  responses: {
    200: {
      description: "Every row, or CSV",
      content: {
        "application/json": { schema: TreatyActionListSchema },
        "text/csv": { schema: TreatyActionListSchema.shape.data.openapi({ type: "string" }) },
      },
    },
    400: errorResponses[400],
    404: errorResponses[404],
  },
});

export function treatiesApi(deps: AppDeps) {
  const app = createApiRouter();
  app.openapi(treatyList, async (c) => {
    const [treaties, actions] = await Promise.all([listTreaties(deps.db), listTreatyActions(deps.db)]);
    return c.json(
      {
        data: treaties.map((t) =>
          presentTreaty(
            t,
            actions.filter((a) => a.treatyId === t.id),
          ),
        ),
      },
      200,
    );
  });
  const one = itemRoute({
    tag: TAG,
    path: "/{id}",
    summary: "One treaty with every sourced action (a State without one has an unknown status)",
    description: "The treaty",
    params: TreatyIdParam,
    schema: TreatyDetailSchema,
  });
  app.openapi(one, async (c) => {
    const treaty = await getTreaty(deps.db, c.req.valid("param").id);
    const actions = await listTreatyActions(deps.db, { treatyId: treaty.id });
    return c.json({ ...presentTreaty(treaty, actions), actions: actions.map(presentTreatyAction) }, 200);
  });
  app.openapi(actionList, async (c) => {
    const treaty = await getTreaty(deps.db, c.req.valid("param").id);
    const q = c.req.valid("query");
    const stateIso3 = await requireStateParam(deps.db, q.state, "state");
    const actions = await listTreatyActions(deps.db, { treatyId: treaty.id, stateIso3 });
    if (q.format === "csv")
      return csvResponse(c, {
        filename: `${treaty.id}.csv`,
        columns: TREATY_ACTION_CSV_COLUMNS,
        rows: treatyActionCsvRows(actions),
        bom: q.bom,
      }) as never;
    return c.json({ data: actions.map(presentTreatyAction) }, 200);
  });
  return app;
}
