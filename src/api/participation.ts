// JSON API for participation: deadlines (upcoming relative to the server's clock), accreditation records with
// their summary, stakeholder actions, editors' updates and the calendar of sessions and deadlines.
import { listAccreditations } from "../db/accreditations.js";
import { listCalendarEvents } from "../db/calendar.js";
import type { AppDeps } from "../http/deps.js";
import { countDeadlines, getDeadline, listDeadlines } from "../db/deadlines.js";
import { countStakeholderActions, listStakeholderActions } from "../db/stakeholder-actions.js";
import { countUpdates, getUpdateBySlug, listUpdates } from "../db/updates.js";
import { eventDays, filterEvents, sortEvents } from "../domain/calendar.js";
import { listUpcomingDeadlines } from "../domain/deadline.js";
import { InvalidInputError } from "../domain/errors.js";
import { summarizeAccreditations } from "../domain/participation.js";
import { paginated, toPage } from "./pagination.js";
import {
  AccreditationListSchema,
  AccreditationQuery,
  CalendarEventListSchema,
  CalendarQuery,
  DeadlineListQuery,
  DeadlineListSchema,
  DeadlineSchema,
  IdParam,
  presentAccreditation,
  presentAccreditationSummary,
  presentCalendarEvent,
  presentDeadline,
  presentStakeholderAction,
  presentUpdate,
  SlugParam,
  StakeholderActionListSchema,
  StakeholderActionQuery,
  UpdateListQuery,
  UpdateListSchema,
  UpdateSchema,
} from "./participation.schemas.js";
import { createApiRouter, itemRoute, listRoute } from "./router.js";

/**
 * A page cut from a list computed in memory: upcoming deadlines (open at the server's clock, in each deadline's
 * time zone), accreditations (whose summary covers every match) and calendar events (derived from sessions
 * and deadlines). The other lists page in SQL.
 */
function pageOf<T>(items: T[], q: { page: number; per_page: number }): T[] {
  const { limit, offset } = toPage(q);
  return items.slice(offset, offset + limit);
}

const TAG = "Participation";

export function deadlinesApi(deps: AppDeps) {
  const app = createApiRouter();
  const list = listRoute({
    tag: TAG,
    summary:
      "Deadlines (accreditation windows, calls for inputs and nominations, registrations); filter by process and kind, or only upcoming ones",
    description: "A page of deadlines",
    query: DeadlineListQuery,
    schema: DeadlineListSchema,
  });
  app.openapi(list, async (c) => {
    const q = c.req.valid("query");
    const now = deps.now();
    const filter = { processId: q.process, kind: q.kind };
    if (q.upcoming) {
      const items = listUpcomingDeadlines(await listDeadlines(deps.db, filter), now);
      return c.json(
        paginated(
          pageOf(items, q).map((d) => presentDeadline(d, now)),
          items.length,
          q,
        ),
        200,
      );
    }
    const [items, total] = await Promise.all([
      listDeadlines(deps.db, filter, toPage(q)),
      countDeadlines(deps.db, filter),
    ]);
    return c.json(
      paginated(
        items.map((d) => presentDeadline(d, now)),
        total,
        q,
      ),
      200,
    );
  });
  const one = itemRoute({
    tag: TAG,
    path: "/{id}",
    summary: "One deadline with its status at the server's current time and its sources",
    description: "The deadline",
    params: IdParam,
    schema: DeadlineSchema,
  });
  app.openapi(one, async (c) =>
    c.json(presentDeadline(await getDeadline(deps.db, c.req.valid("param").id), deps.now()), 200),
  );
  return app;
}

export function accreditationsApi(deps: AppDeps) {
  const app = createApiRouter();
  const list = listRoute({
    tag: TAG,
    summary:
      "Accreditation of stakeholders (named applications and counts sources give), with a summary per ECOSOC status of who was kept out",
    description: "A page of accreditation records and the summary of all that match",
    query: AccreditationQuery,
    schema: AccreditationListSchema,
  });
  app.openapi(list, async (c) => {
    const q = c.req.valid("query");
    const items = await listAccreditations(deps.db, { processId: q.process, sessionId: q.session });
    const summary = presentAccreditationSummary(summarizeAccreditations(items));
    return c.json({ ...paginated(pageOf(items, q).map(presentAccreditation), items.length, q), summary }, 200);
  });
  return app;
}

export function stakeholderActionsApi(deps: AppDeps) {
  const app = createApiRouter();
  const list = listRoute({
    tag: TAG,
    summary:
      "Stakeholder actions: joint letters and statements with signatories, consultation responses, written inputs",
    description: "A page of stakeholder actions",
    query: StakeholderActionQuery,
    schema: StakeholderActionListSchema,
  });
  app.openapi(list, async (c) => {
    const q = c.req.valid("query");
    const filter = { processId: q.process };
    const [items, total] = await Promise.all([
      listStakeholderActions(deps.db, filter, toPage(q)),
      countStakeholderActions(deps.db, filter),
    ]);
    return c.json(paginated(items.map(presentStakeholderAction), total, q), 200);
  });
  return app;
}

export function updatesApi(deps: AppDeps) {
  const app = createApiRouter();
  const list = listRoute({
    tag: "Updates",
    summary: "Editors' published updates, newest first; filter by a linked record or by words",
    description: "A page of updates",
    query: UpdateListQuery,
    schema: UpdateListSchema,
  });
  app.openapi(list, async (c) => {
    const q = c.req.valid("query");
    if ((q.link_kind === undefined) !== (q.link_id === undefined)) {
      throw new InvalidInputError("give link_kind and link_id together", [
        { path: q.link_kind ? "link_id" : "link_kind", message: "required with the other link parameter" },
      ]);
    }
    const link = q.link_kind && q.link_id ? { kind: q.link_kind, id: q.link_id } : undefined;
    const filter = { link, query: q.q };
    const { limit, offset } = toPage(q);
    const [items, total] = await Promise.all([
      listUpdates(deps.db, filter, limit, offset),
      countUpdates(deps.db, filter),
    ]);
    return c.json(paginated(items.map(presentUpdate), total, q), 200);
  });
  const one = itemRoute({
    tag: "Updates",
    path: "/{slug}",
    summary: "One update with the records it links to",
    description: "The update",
    params: SlugParam,
    schema: UpdateSchema,
  });
  app.openapi(one, async (c) => c.json(presentUpdate(await getUpdateBySlug(deps.db, c.req.valid("param").slug)), 200));
  return app;
}

export function calendarApi(deps: AppDeps) {
  const app = createApiRouter();
  const list = listRoute({
    tag: TAG,
    summary:
      "Calendar of sessions and deadlines in date order; filter by process, kind and a date range (the same events as the iCalendar feeds, plus those known only to the month or year)",
    description: "A page of calendar events",
    query: CalendarQuery,
    schema: CalendarEventListSchema,
  });
  app.openapi(list, async (c) => {
    const q = c.req.valid("query");
    if (q.from && q.to && q.to < q.from)
      throw new InvalidInputError("the range ends before it starts", [
        { path: "to", message: "must be on or after from" },
      ]);
    const events = sortEvents(
      filterEvents(await listCalendarEvents(deps.db), { processId: q.process, kind: q.kind }),
    ).filter((e) => {
      const days = eventDays(e);
      return (!q.from || days.last >= q.from) && (!q.to || days.first <= q.to);
    });
    return c.json(
      paginated(
        pageOf(events, q).map((e) => presentCalendarEvent(e, deps.editorial.siteUrl)),
        events.length,
        q,
      ),
      200,
    );
  });
  return app;
}
