// JSON API for organizations (regional and intergovernmental bodies, treaties) and their members.
import { createRoute } from "@hono/zod-openapi";
import type { AppDeps } from "../http/deps.js";
import { countOrganizations, getOrganizationDetail, listOrganizations } from "../db/organizations.js";
import { errorResponses } from "../http/errors.js";
import { OrganizationDetailSchema, OrganizationIdParam, OrganizationListQuery, OrganizationListSchema, presentOrganization, presentOrganizationDetail } from "./organizations.schemas.js";
import { paginated, toPage } from "./pagination.js";
import { createApiRouter } from "./router.js";

const listRoute = createRoute({
  method: "get",
  path: "/",
  tags: ["Organizations"],
  summary: "List organizations by name, with their member counts",
  request: { query: OrganizationListQuery },
  responses: { 200: { description: "A page of organizations", content: { "application/json": { schema: OrganizationListSchema } } }, 400: errorResponses[400] },
});

const getRoute = createRoute({
  method: "get",
  path: "/{id}",
  tags: ["Organizations"],
  summary: "One organization with its members (States and member organizations) and sources",
  request: { params: OrganizationIdParam },
  responses: {
    200: { description: "The organization", content: { "application/json": { schema: OrganizationDetailSchema } } },
    400: errorResponses[400],
    404: errorResponses[404],
  },
});

export function organizationsApi(deps: AppDeps) {
  const app = createApiRouter();
  app.openapi(listRoute, async (c) => {
    const q = c.req.valid("query");
    const items = await listOrganizations(deps.db, toPage(q));
    return c.json(paginated(items.map(presentOrganization), await countOrganizations(deps.db), q), 200);
  });
  app.openapi(getRoute, async (c) => {
    const { id } = c.req.valid("param");
    return c.json(presentOrganizationDetail(await getOrganizationDetail(deps.db, id.toUpperCase())), 200);
  });
  return app;
}
