// JSON API for States: list with filters, and one State's profile.
import { getStateProfile } from "../db/states.js";
import type { AppDeps } from "../http/deps.js";
import { listStatesMatching } from "../http/state-param.js";
import { toListWindow } from "./list-params.js";
import { paginated } from "./pagination.js";
import { createApiRouter, itemRoute, listRoute } from "./router.js";
import {
  Iso3Param,
  presentState,
  presentStateProfile,
  StateListQuery,
  StateListSchema,
  StateProfileSchema,
} from "./states.schemas.js";

const list = listRoute({
  tag: "States",
  summary: "List States (UN Member and observer States)",
  description: "A page of States",
  query: StateListQuery,
  schema: StateListSchema,
});

const one = itemRoute({
  tag: "States",
  path: "/{iso3}",
  summary: "One State's profile: regional group, memberships, first cyber strategy, processes, sources",
  description: "The State",
  params: Iso3Param,
  schema: StateProfileSchema,
});

export function statesApi(deps: AppDeps) {
  const app = createApiRouter();
  app.openapi(list, async (c) => {
    const q = c.req.valid("query");
    const { items, total } = await listStatesMatching(
      deps.db,
      { unRegionalGroup: q.group, organizationId: q.organization, unStatus: q.status, query: q.q },
      toListWindow(q),
    );
    return c.json(paginated(items.map(presentState), total, q), 200);
  });
  app.openapi(one, async (c) => {
    const { iso3 } = c.req.valid("param");
    return c.json(presentStateProfile(await getStateProfile(deps.db, iso3)), 200);
  });
  return app;
}
