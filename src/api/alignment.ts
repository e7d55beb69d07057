// JSON API for voting alignment: pair agreement, the Member State matrix (JSON or CSV) with blocs, group cohesion and defections.
import { createRoute, z } from "@hono/zod-openapi";
import {
  checkSessionRange,
  getGroupAnalysis,
  getMemberMatrix,
  getPairAgreement,
} from "../analysis/alignment-queries.js";
import type { EventSelection } from "../analysis/alignment.js";
import type { AppDeps } from "../http/deps.js";
import { VOTE_OPTIONS } from "../domain/vocabulary.js";
import { errorResponses } from "../http/errors.js";
import { CsvBomQuery, csvResponse } from "./csv-response.js";
import { createApiRouter } from "./router.js";
import { ScopeQuery } from "./votes.schemas.js";
import type { Db } from "../db/client.js";
import { findStateIso3 } from "../db/state-names.js";
import { STATE_PARAM_MAX_LENGTH, unknownStateError } from "../http/state-param.js";

const FORMULA =
  "agreement = (same + 0.5 × half) / n over the selected vote events where both voted yes, no or abstain; same = same vote, half = one abstained and the other voted yes or no, yes against no = 0; absences and non-membership excluded";

const Voter = z.string().trim().min(1).max(STATE_PARAM_MAX_LENGTH).openapi({
  description:
    "a State's ISO3 code in any case or its name (FRA, fra, France), or a historical voter's code (CSK, DDR, YUG…)",
});

/** The voter code of a pair parameter: the State it names, else a three-letter historical code as given. */
async function voterCodeOf(db: Db, input: string, param: string): Promise<string> {
  const iso3 = await findStateIso3(db, input);
  if (iso3) return iso3;
  if (/^[A-Za-z]{3}$/.test(input)) return input.toUpperCase();
  throw unknownStateError(input, param);
}

const ScopeSchema = z.object({
  scope: z.enum(["all", "cyber"]),
  session_from: z.number().int().nullable(),
  session_to: z.number().int().nullable(),
  vote_events: z.number().int(),
  formula: z.string(),
});

function selectionOf(q: z.infer<typeof ScopeQuery>): EventSelection {
  checkSessionRange(q.session_from, q.session_to);
  return { isCyberOnly: q.scope === "cyber", sessionFrom: q.session_from, sessionTo: q.session_to };
}

function presentScope(q: z.infer<typeof ScopeQuery>, eventCount: number): z.infer<typeof ScopeSchema> {
  return {
    scope: q.scope,
    session_from: q.session_from ?? null,
    session_to: q.session_to ?? null,
    vote_events: eventCount,
    formula: FORMULA,
  };
}

const pairRoute = createRoute({
  method: "get",
  path: "/pair",
  tags: ["Alignment"],
  summary: "Agreement index of two States over all, cyber or a session range of recorded votes",
  request: { query: ScopeQuery.extend({ a: Voter, b: Voter }) },
  responses: {
    200: {
      description: "The agreement",
      content: {
        "application/json": {
          schema: z
            .object({
              a: z.string(),
              b: z.string(),
              agreement: z.number().nullable(),
              events: z.number().int(),
              same: z.number().int(),
              half: z.number().int(),
              opposite: z.number().int(),
              scope: ScopeSchema,
            })
            .openapi("PairAgreement"),
        },
      },
    },
    400: errorResponses[400],
    404: errorResponses[404],
  },
});

const matrixRoute = createRoute({
  method: "get",
  path: "/matrix",
  tags: ["Alignment"],
  summary:
    "The 193 × 193 agreement matrix of Member States, in cluster order, with blocs (hierarchical clustering, average linkage on 1 − agreement); ?format=csv for CSV",
  request: {
    query: ScopeQuery.extend({
      blocs: z.coerce.number().int().min(1).max(20).default(6),
      format: z.enum(["json", "csv"]).optional(),
      bom: CsvBomQuery.shape.bom,
    }),
  },
  responses: {
    200: {
      description: "The matrix",
      content: {
        "application/json": {
          schema: z
            .object({
              scope: ScopeSchema,
              voters: z.array(z.object({ voter_code: z.string(), name: z.string(), bloc: z.number().int() })),
              values: z.array(z.array(z.number().nullable())).openapi({
                description: "values[i][j]: agreement of voters[i] and voters[j]; null when they share no counted vote",
              }),
              dendrogram: z
                .array(
                  z.object({
                    left: z.number().int(),
                    right: z.number().int(),
                    height: z.number(),
                    size: z.number().int(),
                  }),
                )
                .openapi({
                  description: "merges in order; node ids < n are voters in matrix order, n + k the k-th merge",
                }),
            })
            .openapi("AgreementMatrix"),
        },
        "text/csv": { schema: z.string() },
      },
    },
    400: errorResponses[400],
  },
});

const groupRoute = createRoute({
  method: "get",
  path: "/groups/{group}",
  tags: ["Alignment"],
  summary:
    "Cohesion of a UN regional group (AFRICAN, ASIA_PACIFIC, EEG, GRULAC, WEOG) or organisation (EU, AFUNION, OSCE…), and the members that voted against its majority",
  request: {
    params: z.object({
      group: z
        .string()
        .max(40)
        .openapi({ param: { name: "group", in: "path" }, example: "EU" }),
    }),
    query: ScopeQuery,
  },
  responses: {
    200: {
      description: "Cohesion and defections",
      content: {
        "application/json": {
          schema: z
            .object({
              id: z.string(),
              name: z.string(),
              members: z.array(z.string()),
              cohesion: z.number().nullable().openapi({ description: "mean agreement index over member pairs" }),
              pairs: z.number().int(),
              voted_against_group: z.array(
                z.object({
                  vote_event_id: z.string(),
                  date: z.string(),
                  voter_code: z.string(),
                  vote: z.enum(VOTE_OPTIONS),
                  group_majority: z.enum(VOTE_OPTIONS),
                  members_voting: z.number().int(),
                }),
              ),
              scope: ScopeSchema,
            })
            .openapi("GroupCohesion"),
        },
      },
    },
    400: errorResponses[400],
    404: errorResponses[404],
  },
});

export function alignmentApi(deps: AppDeps) {
  const app = createApiRouter();
  app.openapi(pairRoute, async (c) => {
    const q = c.req.valid("query");
    const [a, b] = [await voterCodeOf(deps.db, q.a, "a"), await voterCodeOf(deps.db, q.b, "b")];
    const r = await getPairAgreement(deps.db, a, b, selectionOf(q));
    return c.json(
      {
        a: r.a,
        b: r.b,
        agreement: r.agreement,
        events: r.events,
        same: r.same,
        half: r.half,
        opposite: r.opposite,
        scope: presentScope(q, r.scope.eventCount),
      },
      200,
    );
  });
  app.openapi(matrixRoute, async (c) => {
    const q = c.req.valid("query");
    const m = await getMemberMatrix(deps.db, selectionOf(q), q.blocs);
    const n = m.matrix.codes.length;
    const order = m.clustering.order;
    const value = (i: number, j: number) => {
      const v = m.matrix.values[i * n + j]!;
      return Number.isNaN(v) ? null : Math.round(v * 10000) / 10000;
    };
    if (q.format === "csv") {
      const columns = ["voter_code", ...order.map((i) => m.matrix.codes[i]!)];
      const rows = order.map((i) => [m.matrix.codes[i]!, ...order.map((j) => value(i, j))]);
      return csvResponse(c, { filename: `agreement-${q.scope}.csv`, columns, rows, bom: q.bom });
    }
    // Voters in cluster order; dendrogram leaf ids refer to matrix order, so give the mapping.
    return c.json(
      {
        scope: presentScope(q, m.scope.eventCount),
        voters: order.map((i) => ({ voter_code: m.matrix.codes[i]!, name: m.names[i]!, bloc: m.blocs[i]! })),
        values: order.map((i) => order.map((j) => value(i, j))),
        dendrogram: m.clustering.merges.map((x) => ({
          left: remap(x.left, order, n),
          right: remap(x.right, order, n),
          height: x.height,
          size: x.size,
        })),
      },
      200,
    );
  });
  app.openapi(groupRoute, async (c) => {
    const q = c.req.valid("query");
    const g = await getGroupAnalysis(deps.db, c.req.valid("param").group.toUpperCase(), selectionOf(q));
    return c.json(
      {
        id: g.id,
        name: g.name,
        members: g.cohesion.members,
        cohesion: g.cohesion.cohesion,
        pairs: g.cohesion.pairs,
        voted_against_group: g.defections.map((d) => ({
          vote_event_id: d.eventId,
          date: d.date,
          voter_code: d.voter,
          vote: d.vote,
          group_majority: d.groupMajority,
          members_voting: d.membersVoting,
        })),
        scope: presentScope(q, g.scope.eventCount),
      },
      200,
    );
  });
  return app;
}

/** Leaf ids become positions in the returned (cluster-ordered) voter list; merge ids stay. */
function remap(node: number, order: number[], n: number): number {
  return node < n ? order.indexOf(node) : node;
}
