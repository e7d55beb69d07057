// JSON API for GA resolutions and decisions: list by topic and GA session, and one resolution by its symbol.
import type { AppDeps } from "../http/deps.js";
import { getResolutionDetail, listResolutions } from "../db/resolutions.js";
import { InvalidInputError } from "../domain/errors.js";
import { toListWindow } from "./list-params.js";
import { paginated } from "./pagination.js";
import {
  presentResolutionDetail,
  presentResolutionSummary,
  ResolutionDetailSchema,
  ResolutionListQuery,
  ResolutionListSchema,
  SymbolParam,
} from "./resolutions.schemas.js";
import { createApiRouter, itemRoute, listRoute } from "./router.js";
import { parseSymbolParam } from "../http/symbol-param.js";

const list = listRoute({
  tag: "Resolutions",
  summary:
    "List GA resolutions and decisions on ICTs in international security and on cybercrime, in order of adoption",
  description: "A page of resolutions",
  query: ResolutionListQuery,
  schema: ResolutionListSchema,
});

const one = itemRoute({
  tag: "Resolutions",
  path: "/{symbol}",
  summary: "One resolution or decision: adoption, vote totals, what it does, the processes it mandates, sources",
  notes:
    "The symbol contains slashes: send them URL-encoded (`/api/v1/resolutions/A%2FRES%2F74%2F247`). The unencoded path (`/api/v1/resolutions/A/RES/74/247`) is accepted as well.",
  description: "The resolution",
  params: SymbolParam,
  schema: ResolutionDetailSchema,
});

export function resolutionsApi(deps: AppDeps) {
  const app = createApiRouter();
  app.openapi(list, async (c) => {
    const q = c.req.valid("query");
    const { items, total } = await listResolutions(deps.db, { topic: q.topic, gaSession: q.session }, toListWindow(q));
    return c.json(paginated(items.map(presentResolutionSummary), total, q), 200);
  });
  app.openapi(one, async (c) => {
    const { symbol } = c.req.valid("param");
    return c.json(presentResolutionDetail(await getResolutionDetail(deps.db, parseSymbolParam(symbol) ?? symbol)), 200);
  });
  // The unencoded form: everything after /resolutions/ is the symbol.
  app.get("/:symbol{.+}", async (c) => {
    const symbol = symbolFromPath(new URL(c.req.url).pathname);
    return c.json(presentResolutionDetail(await getResolutionDetail(deps.db, parseSymbolParam(symbol) ?? symbol)), 200);
  });
  return app;
}

function symbolFromPath(pathname: string): string {
  const raw = pathname.replace(/^.*?\/resolutions\//, "");
  try {
    return decodeURIComponent(raw);
  } catch {
    throw new InvalidInputError(`not a valid symbol: ${raw}`);
  }
}
