// JSON API for the implementation tracker's computed views (/implementation): the regional roll-up of evidence
// and the derived indicators (first national strategy, Budapest Convention), each with the rule it applies.
import { createRoute } from "@hono/zod-openapi";
import { loadImplementationRollup, ROLLUP_RULE } from "../analysis/implementation-rollup.js";
import type { AppDeps } from "../http/deps.js";
import { loadDerivedIndicatorValues } from "../db/implementation-indicators.js";
import { errorResponses } from "../http/errors.js";
import {
  IndicatorQuery,
  IndicatorsSchema,
  presentIndicators,
  presentRollup,
  RollupQuery,
  RollupSchema,
} from "./implementation.schemas.js";
import { createApiRouter } from "./router.js";
import { requireStateParam } from "../http/state-param.js";

const TAG = "Implementation";

const rollupRoute = createRoute({
  method: "get",
  path: "/rollup",
  tags: [TAG],
  summary:
    "Coverage of each norm or CBM per UN regional group and regional organisation: States with published evidence ÷ members",
  request: { query: RollupQuery },
  responses: {
    200: { description: "The roll-up", content: { "application/json": { schema: RollupSchema } } },
    400: errorResponses[400],
  },
});

const indicatorsRoute = createRoute({
  method: "get",
  path: "/indicators",
  tags: [TAG],
  summary:
    "Derived indicators (not evidence): first national cybersecurity strategy adopted, party to the Budapest Convention, with their rules",
  request: { query: IndicatorQuery },
  responses: {
    200: {
      description: "Definitions, counts and per-State values",
      content: { "application/json": { schema: IndicatorsSchema } },
    },
    400: errorResponses[400],
  },
});

export function implementationApi(deps: AppDeps) {
  const app = createApiRouter();
  app.openapi(rollupRoute, async (c) => {
    const { framework } = c.req.valid("query");
    return c.json(presentRollup(await loadImplementationRollup(deps.db, { frameworkId: framework }), ROLLUP_RULE), 200);
  });
  app.openapi(indicatorsRoute, async (c) => {
    const q = c.req.valid("query");
    const stateIso3 = await requireStateParam(deps.db, q.state, "state");
    const all = await loadDerivedIndicatorValues(deps.db);
    const shown = all.filter(
      (v) => (!stateIso3 || v.stateIso3 === stateIso3) && (!q.indicator || v.indicatorId === q.indicator),
    );
    return c.json(presentIndicators(all, shown), 200);
  });
  return app;
}
