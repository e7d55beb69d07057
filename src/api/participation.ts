// JSON API for participation: deadlines (upcoming relative to the server's clock), accreditation records with
// their summary, stakeholder actions, editors' updates and the calendar of sessions and deadlines. Every list pages
// in SQL (issue 14): upcoming deadlines are decided in SQL in each deadline's time zone, calendar events are a UNION
// ALL of sessions and deadline dates, and the accreditation summary reads a few columns of every match.
import { listAccreditationFacts, listAccreditations } from "../db/accreditations.js";
import { listCalendarEventPage } from "../db/calendar.js";
import type { AppDeps } from "../http/deps.js";
import { countDeadlines, getDeadline, listDeadlines } from "../db/deadlines.js";
import { countStakeholderActions, listStakeholderActions } from "../db/stakeholder-actions.js";
import { countUpdates, getUpdateBySlug, listUpdates } from "../db/updates.js";
import { InvalidInputError } from "../domain/errors.js";
import { summarizeAccreditations } from "../domain/participation.js";
import { toListWindow } from "./list-params.js";
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
    const window = toListWindow(q);
    const filter = {
      processId: q.process,
      kind: q.kind,
      upcomingAt: q.upcoming ? now : undefined,
      changedSince: window.since,
    };
    const [items, total] = await Promise.all([listDeadlines(deps.db, filter, window), countDeadlines(deps.db, filter)]);
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
    const window = toListWindow(q);
    const filter = { processId: q.process, sessionId: q.session, changedSince: window.since };
    // The summary covers every match (a few columns each); the records are one page.
    const [items, facts] = await Promise.all([
      listAccreditations(deps.db, filter, window),
      listAccreditationFacts(deps.db, filter),
    ]);
    const summary = presentAccreditationSummary(summarizeAccreditations(facts));
    return c.json({ ...paginated(items.map(presentAccreditation), facts.length, q), summary }, 200);
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
    const window = toListWindow(q);
    const filter = { processId: q.process, changedSince: window.since };
    const [items, total] = await Promise.all([
      listStakeholderActions(deps.db, filter, window),
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
    const { limit, offset, since } = toListWindow(q);
    const [items, total] = await Promise.all([
      listUpdates(deps.db, filter, limit, offset, since),
      countUpdates(deps.db, filter, since),
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
    const { items, total } = await listCalendarEventPage(
      deps.db,
      { processId: q.process, kind: q.kind, from: q.from, to: q.to },
      toPage(q),
    );
    return c.json(
      paginated(
        items.map((e) => presentCalendarEvent(e, deps.editorial.siteUrl)),
        total,
        q,
      ),
      200,
    );
  });
  return app;
}
