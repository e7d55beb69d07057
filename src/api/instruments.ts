// JSON API for national instruments (with assessments and traffic lights), the export of assessments with
// their sources (JSON or CSV), and the versioned assessment rubric.
import { createRoute } from "@hono/zod-openapi";
import type { AppDeps } from "../http/deps.js";
import { countInstruments, getInstrument, listAssessedInstruments, listAssessments } from "../db/instruments.js";
import { findCurrentRubric, getRubric, listRubricsOfCriteria, listRubricVersions } from "../db/rubrics.js";
import { listRecordSources } from "../db/sources.js";
import { paragraphPermalink } from "../domain/documents.js";
import { NotFoundError } from "../domain/errors.js";
import { ASSESSMENT_CSV_COLUMNS, assessmentCsvRows } from "../domain/instruments.js";
import { summarizeByRubricVersion, TRAFFIC_LIGHT_RULE } from "../domain/rubric.js";
import { errorResponses } from "../http/errors.js";
import {
  AssessmentExportQuery,
  AssessmentExportSchema,
  InstrumentDetailSchema,
  InstrumentIdParam,
  InstrumentListQuery,
  InstrumentListSchema,
  presentAssessment,
  presentInstrument,
  presentRubric,
  presentRubricVersion,
  presentSources,
  RubricSchema,
  RubricSlugParam,
  RubricVersionListSchema,
  RubricVersionParam,
} from "./instruments.schemas.js";
import { csvResponse } from "./csv-response.js";
import { toListWindow } from "./list-params.js";
import { paginated } from "./pagination.js";
import { createApiRouter, itemRoute, listRoute } from "./router.js";
import { requireStateParam } from "../http/state-param.js";

const TAG = "Implementation";

export function instrumentsApi(deps: AppDeps) {
  const app = createApiRouter();
  const list = listRoute({
    tag: TAG,
    summary:
      "National instruments (strategies, laws, agencies, policies) with status, dates and a traffic light per rubric version; filter by State, organisation, kind, status",
    description: "A page of instruments",
    query: InstrumentListQuery,
    schema: InstrumentListSchema,
  });
  app.openapi(list, async (c) => {
    const q = c.req.valid("query");
    const filter = {
      stateIso3: await requireStateParam(deps.db, q.state, "state"),
      organizationId: q.organization,
      kind: q.kind,
      status: q.status,
    };
    const window = toListWindow(q);
    const [{ items, rubrics }, total] = await Promise.all([
      listAssessedInstruments(deps.db, filter, window),
      countInstruments(deps.db, filter, window.since),
    ]);
    return c.json(
      paginated(
        items.map((i) => presentInstrument(i.instrument, summarizeByRubricVersion(rubrics, i.assessments))),
        total,
        q,
      ),
      200,
    );
  });
  const one = itemRoute({
    tag: TAG,
    path: "/{id}",
    summary:
      "One instrument with every assessment (criterion, rating, cited paragraph or URL, sources) and its sources",
    description: "The instrument",
    params: InstrumentIdParam,
    schema: InstrumentDetailSchema,
  });
  app.openapi(one, async (c) => {
    const { id } = c.req.valid("param");
    const instrument = await getInstrument(deps.db, id);
    const assessments = await listAssessments(deps.db, { instrumentIds: [id] });
    const rubrics = await listRubricsOfCriteria(
      deps.db,
      assessments.map((a) => a.criterionId),
    );
    const sources = await listRecordSources(deps.db, "instrument", id);
    return c.json(
      {
        ...presentInstrument(instrument, summarizeByRubricVersion(rubrics, assessments)),
        assessments: assessments.map(presentAssessment),
        sources: presentSources(sources),
      },
      200,
    );
  });
  return app;
}

const exportRoute = createRoute({
  method: "get",
  path: "/",
  tags: [TAG],
  summary: "Every published assessment with its citation and sources, as JSON or CSV (?format=csv); filter by State",
  request: { query: AssessmentExportQuery },
  responses: {
    200: {
      description: "The assessments",
      content: {
        "application/json": { schema: AssessmentExportSchema },
        "text/csv": { schema: AssessmentExportSchema.shape.data.openapi({ type: "string" }) },
      },
    },
    400: errorResponses[400],
  },
});

export function assessmentsApi(deps: AppDeps) {
  const app = createApiRouter();
  app.openapi(exportRoute, async (c) => {
    const q = c.req.valid("query");
    const stateIso3 = await requireStateParam(deps.db, q.state, "state");
    const assessments = await listAssessments(deps.db, stateIso3 ? { stateIso3 } : {});
    if (q.format === "csv") {
      const rows = assessmentCsvRows(assessments, (p) => paragraphPermalink(p.documentSlug, p.anchor));
      return csvResponse(c, {
        filename: `assessments${stateIso3 ? `-${stateIso3}` : ""}.csv`,
        columns: ASSESSMENT_CSV_COLUMNS,
        rows,
        bom: q.bom,
      }) as never;
    }
    return c.json({ data: assessments.map(presentAssessment), traffic_light_rule: TRAFFIC_LIGHT_RULE }, 200);
  });
  return app;
}

const rubricOne = createRoute({
  method: "get",
  path: "/{slug}",
  tags: [TAG],
  summary: "The current (newest) version of a rubric with its criteria",
  request: { params: RubricSlugParam },
  responses: {
    200: { description: "The rubric", content: { "application/json": { schema: RubricSchema } } },
    400: errorResponses[400],
    404: errorResponses[404],
  },
});
const rubricVersion = createRoute({
  method: "get",
  path: "/{slug}/versions/{version}",
  tags: [TAG],
  summary: "One version of a rubric with its criteria (scores given against it keep pointing at these criteria)",
  request: { params: RubricVersionParam },
  responses: {
    200: { description: "The rubric version", content: { "application/json": { schema: RubricSchema } } },
    400: errorResponses[400],
    404: errorResponses[404],
  },
});
const rubricVersions = createRoute({
  method: "get",
  path: "/",
  tags: [TAG],
  summary: "Every version of every assessment rubric, newest first, with how many assessments use it",
  responses: {
    200: { description: "Rubric versions", content: { "application/json": { schema: RubricVersionListSchema } } },
  },
});

export function rubricsApi(deps: AppDeps) {
  const app = createApiRouter();
  app.openapi(rubricVersions, async (c) =>
    c.json({ data: (await listRubricVersions(deps.db)).map(presentRubricVersion) }, 200),
  );
  app.openapi(rubricOne, async (c) => {
    const { slug } = c.req.valid("param");
    const rubric = await findCurrentRubric(deps.db, slug);
    if (!rubric) throw new NotFoundError("Rubric", slug);
    return c.json(presentRubric(rubric), 200);
  });
  app.openapi(rubricVersion, async (c) => {
    const { slug, version } = c.req.valid("param");
    return c.json(presentRubric(await getRubric(deps.db, slug, version)), 200);
  });
  return app;
}
