// JSON API for norms and CBMs: frameworks (/frameworks) and their stable, citable items (/framework-items).
import { createRoute } from "@hono/zod-openapi";
import type { AppDeps } from "../http/deps.js";
import { getFrameworkDetail, getFrameworkItemDetail, listFrameworkItems, listFrameworks } from "../db/frameworks.js";
import {
  FrameworkDetailSchema,
  FrameworkIdParam,
  FrameworkItemDetailSchema,
  FrameworkItemIdParam,
  FrameworkItemListQuery,
  FrameworkItemListSchema,
  FrameworkListSchema,
  presentFramework,
  presentFrameworkDetail,
  presentFrameworkItem,
  presentFrameworkItemDetail,
} from "./frameworks.schemas.js";
import { paginated, toPage } from "./pagination.js";
import { createApiRouter, itemRoute, listRoute } from "./router.js";

const listFrameworksRoute = createRoute({
  method: "get",
  path: "/",
  tags: ["Norms and CBMs"],
  summary: "List norm and CBM frameworks: the 11 UN norms first, then OSCE, OAS, ARF and UN global CBMs",
  responses: {
    200: { description: "Every framework", content: { "application/json": { schema: FrameworkListSchema } } },
  },
});

const getFrameworkRoute = itemRoute({
  tag: "Norms and CBMs",
  path: "/{id}",
  summary: "One framework with its items and sources",
  description: "The framework",
  params: FrameworkIdParam,
  schema: FrameworkDetailSchema,
});

const listItemsRoute = listRoute({
  tag: "Norms and CBMs",
  summary: "List norms and CBMs (framework items) in display order; filter by framework",
  description: "A page of items",
  query: FrameworkItemListQuery,
  schema: FrameworkItemListSchema,
});

const getItemRoute = itemRoute({
  tag: "Norms and CBMs",
  path: "/{id}",
  summary: "One norm or CBM by its stable id (e.g. 13c, osce-2016-05), with its framework and sources",
  description: "The item",
  params: FrameworkItemIdParam,
  schema: FrameworkItemDetailSchema,
});

export function frameworksApi(deps: AppDeps) {
  const app = createApiRouter();
  app.openapi(listFrameworksRoute, async (c) =>
    c.json({ data: (await listFrameworks(deps.db)).map(presentFramework) }, 200),
  );
  app.openapi(getFrameworkRoute, async (c) => {
    const { id } = c.req.valid("param");
    return c.json(presentFrameworkDetail(await getFrameworkDetail(deps.db, id)), 200);
  });
  return app;
}

export function frameworkItemsApi(deps: AppDeps) {
  const app = createApiRouter();
  app.openapi(listItemsRoute, async (c) => {
    const q = c.req.valid("query");
    const all = await listFrameworkItems(deps.db, q.framework);
    const page = toPage(q);
    return c.json(
      paginated(all.slice(page.offset, page.offset + page.limit).map(presentFrameworkItem), all.length, q),
      200,
    );
  });
  app.openapi(getItemRoute, async (c) => {
    const { id } = c.req.valid("param");
    return c.json(presentFrameworkItemDetail(await getFrameworkItemDetail(deps.db, id)), 200);
  });
  return app;
}
