// JSON API for recorded GA votes: list with filters, compare two events, a voter's cyber record, one event (JSON or CSV).
import { createRoute, z } from "@hono/zod-openapi";
import { listVoterAgreements } from "../analysis/alignment-queries.js";
import {
  compareVoteEvents,
  getVoteEventDetail,
  VOTE_EVENT_CSV_COLUMNS,
  voteEventCsvRows,
} from "../analysis/vote-event-detail.js";
import type { AppDeps } from "../http/deps.js";
import { listVoteEvents, listVoterCyberVotes } from "../db/votes.js";
import { voteOptionOf } from "../domain/votes.js";
import { VOTE_OPTIONS } from "../domain/vocabulary.js";
import { errorResponses } from "../http/errors.js";
import { CsvBomQuery, csvResponse } from "./csv-response.js";
import { toListWindow } from "./list-params.js";
import { paginated } from "./pagination.js";
import { createApiRouter, listRoute } from "./router.js";
import {
  CompareQuery,
  presentVoteComparison,
  presentVoteEventDetail,
  presentVoteEventSummary,
  VoteComparisonSchema,
  VoteEventDetailSchema,
  VoteEventListQuery,
  VoteEventListSchema,
  VoteEventSummarySchema,
} from "./votes.schemas.js";
import { parseSymbolParam, voteEventIdParam } from "../http/symbol-param.js";

const list = listRoute({
  tag: "Votes",
  summary: "List recorded GA vote events (filter: cyber only, session, symbol or title)",
  description: "A page of vote events",
  query: VoteEventListQuery,
  schema: VoteEventListSchema,
});

const compareRoute = createRoute({
  method: "get",
  path: "/compare",
  tags: ["Votes"],
  summary: "Every State that moved between two vote events (e.g. 73/187 → 74/247)",
  request: { query: CompareQuery },
  responses: {
    200: { description: "The moves", content: { "application/json": { schema: VoteComparisonSchema } } },
    400: errorResponses[400],
    404: errorResponses[404],
  },
});

const VoterRecordSchema = z
  .object({
    voter_code: z.string(),
    cyber_votes: z.array(z.object({ event: VoteEventSummarySchema, vote: z.enum(VOTE_OPTIONS).nullable() })),
    agreement_all: z.array(
      z.object({ voter_code: z.string(), name: z.string(), agreement: z.number(), events: z.number().int() }),
    ),
    agreement_cyber: z.array(
      z.object({ voter_code: z.string(), name: z.string(), agreement: z.number(), events: z.number().int() }),
    ),
  })
  .openapi("VoterRecord");

const voterRoute = createRoute({
  method: "get",
  path: "/voters/{code}",
  tags: ["Votes"],
  summary: "A State's voting record: its votes on cyber resolutions and its agreement with every Member State",
  request: {
    params: z.object({
      code: z
        .string()
        .regex(/^[A-Za-z]{3}$/)
        .openapi({ param: { name: "code", in: "path" }, example: "CHE" }),
    }),
  },
  responses: {
    200: { description: "The record", content: { "application/json": { schema: VoterRecordSchema } } },
    400: errorResponses[400],
    404: errorResponses[404],
  },
});

const eventRoute = createRoute({
  method: "get",
  path: "/{id}",
  tags: ["Votes"],
  summary:
    "One vote event: totals (reported and counted), every State's vote, breakdowns by regional group and organisation, sponsors. The id is the symbol with its slashes (/api/v1/votes/A/RES/74/247); add .csv or ?format=csv for CSV.",
  request: {
    params: z.object({ id: z.string().openapi({ param: { name: "id", in: "path" }, example: "A/RES/74/247" }) }),
    query: z.object({ format: z.enum(["json", "csv"]).optional(), bom: CsvBomQuery.shape.bom }),
  },
  responses: {
    200: {
      description: "The vote event",
      content: { "application/json": { schema: VoteEventDetailSchema }, "text/csv": { schema: z.string() } },
    },
    404: errorResponses[404],
  },
});

export function votesApi(deps: AppDeps) {
  const app = createApiRouter();
  app.openapi(list, async (c) => {
    const q = c.req.valid("query");
    const { items, total } = await listVoteEvents(
      deps.db,
      {
        isCyberOnly: q.cyber === "true",
        session: q.session,
        sessionFrom: q.session_from,
        sessionTo: q.session_to,
        // A symbol is searched in its full form, however it was typed (74/247, a/res/74/247).
        query: q.q ? (parseSymbolParam(q.q) ?? q.q) : undefined,
      },
      toListWindow(q),
    );
    return c.json(paginated(items.map(presentVoteEventSummary), total, q), 200);
  });
  app.openapi(compareRoute, async (c) => {
    const q = c.req.valid("query");
    const comparison = await compareVoteEvents(deps.db, voteEventIdParam(q.a), voteEventIdParam(q.b));
    return c.json(presentVoteComparison(comparison), 200);
  });
  app.openapi(voterRoute, async (c) => {
    const code = c.req.valid("param").code.toUpperCase();
    const [all, cyber] = [
      await listVoterAgreements(deps.db, code, {}),
      await listVoterAgreements(deps.db, code, { isCyberOnly: true }),
    ];
    const votes = await listVoterCyberVotes(deps.db, code);
    const row = (r: { code: string; name: string; agreement: number; events: number }) => ({
      voter_code: r.code,
      name: r.name,
      agreement: r.agreement,
      events: r.events,
    });
    return c.json(
      {
        voter_code: code,
        cyber_votes: votes.map((v) => ({ event: presentVoteEventSummary(v.event), vote: voteOptionOf(v.vote) })),
        agreement_all: all.rows.map(row),
        agreement_cyber: cyber.rows.map(row),
      },
      200,
    );
  });
  // Documented above as /{id}; served for ids with slashes (document symbols) through a wildcard.
  app.openAPIRegistry.registerPath(eventRoute);
  app.get("/:id{.+}", async (c) => {
    let id = decodeURIComponent(c.req.param("id"));
    const isCsv = id.endsWith(".csv") || c.req.query("format") === "csv";
    if (id.endsWith(".csv")) id = id.slice(0, -4);
    const detail = await getVoteEventDetail(deps.db, id);
    if (isCsv)
      return csvResponse(c, {
        filename: `${id}.csv`,
        columns: VOTE_EVENT_CSV_COLUMNS,
        rows: voteEventCsvRows(detail),
        bom: c.req.query("bom"),
      });
    return c.json(presentVoteEventDetail(detail));
  });
  return app;
}
