// JSON API of the search box's records (issue 17): States, organisations, processes, sessions, norms, CBMs,
// resolutions, votes and documents matching one typed query, counted per kind; paragraphs are in /search.
import type { AppDeps } from "../http/deps.js";
import { findRecords } from "../db/find-records.js";
import { FindQuery, FindResultSchema, presentFindResult } from "./find.schemas.js";
import { createApiRouter, listRoute } from "./router.js";

const find = listRoute({
  tag: "Search",
  summary:
    "Find records by what a reader types: a State by name or code, a resolution or vote by 74/247 or A/RES/74/247, a norm by 13(c), or words of names and titles",
  description: "A page of records, best first, with the count of every kind in meta.kinds",
  query: FindQuery,
  schema: FindResultSchema,
});

export function findApi(deps: AppDeps) {
  const app = createApiRouter();
  app.openapi(find, async (c) => {
    const q = c.req.valid("query");
    const offset = (q.page - 1) * q.per_page;
    if (q.kind) {
      const search = await findRecords(deps.db, q.q, { kind: q.kind, limit: q.per_page, offset });
      const chosen = search.kinds.find((k) => k.kind === q.kind);
      const meta = { q: q.q, page: q.page, per_page: q.per_page, total: chosen?.total ?? 0 };
      return c.json(presentFindResult(search, chosen?.records ?? [], meta), 200);
    }
    // Kind after kind: the first offset + per_page records of the whole list need no more than that many of each kind.
    const search = await findRecords(deps.db, q.q, { limit: offset + q.per_page });
    const all = search.kinds.flatMap((k) => k.records);
    const total = search.kinds.reduce((n, k) => n + k.total, 0);
    const meta = { q: q.q, page: q.page, per_page: q.per_page, total };
    return c.json(presentFindResult(search, all.slice(offset, offset + q.per_page), meta), 200);
  });
  return app;
}
