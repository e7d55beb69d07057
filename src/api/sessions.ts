// JSON API for sessions: list by process, kind, dates or upcoming, and one session.
import { createRoute } from "@hono/zod-openapi";
import type { AppDeps } from "../http/deps.js";
import { getSessionDetail, listSessions } from "../db/sessions.js";
import { errorResponses } from "../http/errors.js";
import { paginated, toPage } from "./pagination.js";
import { createApiRouter } from "./router.js";
import { presentSession, presentSessionDetail, SessionDetailSchema, SessionIdParam, SessionListQuery, SessionListSchema } from "./sessions.schemas.js";

const listRoute = createRoute({
  method: "get",
  path: "/",
  tags: ["Sessions"],
  summary: "List sessions of all processes in date order (undated ones last); filter by process, kind, dates, or upcoming",
  request: { query: SessionListQuery },
  responses: { 200: { description: "A page of sessions", content: { "application/json": { schema: SessionListSchema } } }, 400: errorResponses[400] },
});

const getRoute = createRoute({
  method: "get",
  path: "/{id}",
  tags: ["Sessions"],
  summary: "One session: process, dates at their precision, venue, kind, notes, sources",
  request: { params: SessionIdParam },
  responses: {
    200: { description: "The session", content: { "application/json": { schema: SessionDetailSchema } } },
    400: errorResponses[400],
    404: errorResponses[404],
  },
});

export function sessionsApi(deps: AppDeps) {
  const app = createApiRouter();
  app.openapi(listRoute, async (c) => {
    const q = c.req.valid("query");
    const today = deps.now().toISOString().slice(0, 10);
    const filter = { processId: q.process, kind: q.kind, from: q.from, to: q.to, upcomingFrom: q.upcoming ? today : undefined };
    const { items, total } = await listSessions(deps.db, filter, toPage(q));
    return c.json(paginated(items.map(presentSession), total, q), 200);
  });
  app.openapi(getRoute, async (c) => {
    const { id } = c.req.valid("param");
    return c.json(presentSessionDetail(await getSessionDetail(deps.db, id)), 200);
  });
  return app;
}
