// JSON API for sessions: list by process, kind, dates or upcoming, and one session.
import type { AppDeps } from "../http/deps.js";
import { getSessionDetail, listSessions } from "../db/sessions.js";
import { toListWindow } from "./list-params.js";
import { paginated } from "./pagination.js";
import { createApiRouter, itemRoute, listRoute } from "./router.js";
import {
  presentSession,
  presentSessionDetail,
  SessionDetailSchema,
  SessionIdParam,
  SessionListQuery,
  SessionListSchema,
} from "./sessions.schemas.js";

const list = listRoute({
  tag: "Sessions",
  summary:
    "List sessions of all processes in date order (undated ones last); filter by process, kind, dates, or upcoming",
  description: "A page of sessions",
  query: SessionListQuery,
  schema: SessionListSchema,
});

const one = itemRoute({
  tag: "Sessions",
  path: "/{id}",
  summary: "One session: process, dates at their precision, venue, kind, notes, sources",
  description: "The session",
  params: SessionIdParam,
  schema: SessionDetailSchema,
});

export function sessionsApi(deps: AppDeps) {
  const app = createApiRouter();
  app.openapi(list, async (c) => {
    const q = c.req.valid("query");
    const today = deps.now().toISOString().slice(0, 10);
    const filter = {
      processId: q.process,
      kind: q.kind,
      from: q.from,
      to: q.to,
      upcomingFrom: q.upcoming ? today : undefined,
    };
    const { items, total } = await listSessions(deps.db, filter, toListWindow(q));
    return c.json(paginated(items.map(presentSession), total, q), 200);
  });
  app.openapi(one, async (c) => {
    const { id } = c.req.valid("param");
    return c.json(presentSessionDetail(await getSessionDetail(deps.db, id)), 200);
  });
  return app;
}
