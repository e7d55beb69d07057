// JSON API for States: list with filters, and one State's profile.
import { createRoute } from "@hono/zod-openapi";
import { getStateProfile, listStates } from "../db/states.js";
import type { AppDeps } from "../http/deps.js";
import { errorResponses } from "../http/errors.js";
import { paginated, toPage } from "./pagination.js";
import { createApiRouter } from "./router.js";
import { Iso3Param, presentState, presentStateProfile, StateListQuery, StateListSchema, StateProfileSchema } from "./states.schemas.js";

const listRoute = createRoute({
  method: "get",
  path: "/",
  tags: ["States"],
  summary: "List States (UN Member and observer States)",
  request: { query: StateListQuery },
  responses: { 200: { description: "A page of States", content: { "application/json": { schema: StateListSchema } } }, 400: errorResponses[400] },
});

const getRoute = createRoute({
  method: "get",
  path: "/{iso3}",
  tags: ["States"],
  summary: "One State's profile: regional group, memberships, first cyber strategy, processes, sources",
  request: { params: Iso3Param },
  responses: {
    200: { description: "The State", content: { "application/json": { schema: StateProfileSchema } } },
    400: errorResponses[400],
    404: errorResponses[404],
  },
});

export function statesApi(deps: AppDeps) {
  const app = createApiRouter();
  app.openapi(listRoute, async (c) => {
    const q = c.req.valid("query");
    const { items, total } = await listStates(deps.db, { unRegionalGroup: q.group, organizationId: q.organization, unStatus: q.status, query: q.q }, toPage(q));
    return c.json(paginated(items.map(presentState), total, q), 200);
  });
  app.openapi(getRoute, async (c) => {
    const { iso3 } = c.req.valid("param");
    return c.json(presentStateProfile(await getStateProfile(deps.db, iso3)), 200);
  });
  return app;
}
