// JSON API for organizations (regional and intergovernmental bodies, treaties) and their members.
import type { AppDeps } from "../http/deps.js";
import { countOrganizations, getOrganizationDetail, listOrganizations } from "../db/organizations.js";
import {
  OrganizationDetailSchema,
  OrganizationIdParam,
  OrganizationListQuery,
  OrganizationListSchema,
  presentOrganization,
  presentOrganizationDetail,
} from "./organizations.schemas.js";
import { toListWindow } from "./list-params.js";
import { paginated } from "./pagination.js";
import { createApiRouter, itemRoute, listRoute } from "./router.js";

const list = listRoute({
  tag: "Organizations",
  summary: "List organizations by name, with their member counts",
  description: "A page of organizations",
  query: OrganizationListQuery,
  schema: OrganizationListSchema,
});

const one = itemRoute({
  tag: "Organizations",
  path: "/{id}",
  summary: "One organization with its members (States and member organizations) and sources",
  description: "The organization",
  params: OrganizationIdParam,
  schema: OrganizationDetailSchema,
});

export function organizationsApi(deps: AppDeps) {
  const app = createApiRouter();
  app.openapi(list, async (c) => {
    const q = c.req.valid("query");
    const window = toListWindow(q);
    const items = await listOrganizations(deps.db, window);
    return c.json(paginated(items.map(presentOrganization), await countOrganizations(deps.db, window.since), q), 200);
  });
  app.openapi(one, async (c) => {
    const { id } = c.req.valid("param");
    return c.json(presentOrganizationDetail(await getOrganizationDetail(deps.db, id.toUpperCase())), 200);
  });
  return app;
}
