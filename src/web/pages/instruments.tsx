// Instrument pages: the list of national instruments with filters, and one instrument with its status, dates,
// document and assessments per rubric version (each rating with its cited paragraph or URL).
import { Hono } from "hono";
import { z } from "zod";
import { currentPrincipal } from "../../http/auth.js";
import type { AppDeps } from "../../http/deps.js";
import {
  findInstrumentDocument,
  getInstrument,
  listAssessedInstruments,
  listAssessments,
} from "../../db/instruments.js";
import { listRubricsOfCriteria } from "../../db/rubrics.js";
import { listRecordSources } from "../../db/sources.js";
import { hasPermission } from "../../domain/auth.js";
import { documentPath, paragraphPermalink } from "../../domain/documents.js";
import { InvalidInputError } from "../../domain/errors.js";
import {
  ASSESSMENT_RATING_LABELS,
  INSTRUMENT_KIND_LABELS,
  INSTRUMENT_STATUS_LABELS,
  type AssessmentDetail,
  type InstrumentAssessments,
  type InstrumentSummary,
} from "../../domain/instruments.js";
import {
  summarizeByRubricVersion,
  TRAFFIC_LIGHT_RULE,
  type Rubric,
  type TrafficLightSummary,
} from "../../domain/rubric.js";
import type { Source } from "../../domain/source.js";
import { INSTRUMENT_KINDS, INSTRUMENT_STATUSES } from "../../domain/vocabulary.js";
import { RecordEditorialLinks } from "../components/history.js";
import { DateText } from "../components/partial-date.js";
import { SourceList } from "../components/sources.js";
import { InstrumentTable, LightText } from "../components/state-implementation.js";
import { Layout } from "../layout.js";
import { UnknownStateNotice } from "../components/forms.js";
import { resolveStateFields, STATE_PARAM_MAX_LENGTH, STATE_PLACEHOLDER } from "../../http/state-param.js";
import { blank } from "../../http/query-fields.js";

const ListQuery = z.object({
  /** A name or a code; one that matches no State is said on the page. */
  state: z.string().optional(),
  kind: z.enum(INSTRUMENT_KINDS).optional().or(blank),
  status: z.enum(INSTRUMENT_STATUSES).optional().or(blank),
});

export function instrumentsPages(deps: AppDeps) {
  const app = new Hono();
  app.get("/", async (c) => {
    const parsed = ListQuery.safeParse(c.req.query());
    if (!parsed.success)
      throw new InvalidInputError(
        `invalid filter: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`,
      );
    const q = parsed.data;
    // A State by name or code (France, FRA); one that matches none is said beside the form, with no list.
    const {
      codes: [stateIso3],
      unknown,
    } = await resolveStateFields(deps.db, [q.state]);
    const { items, rubrics } =
      stateIso3 === null
        ? { items: [], rubrics: [] }
        : await listAssessedInstruments(deps.db, { stateIso3, kind: q.kind, status: q.status });
    return c.html(<InstrumentListPage items={items} rubrics={rubrics} q={q} unknownStates={unknown} />);
  });
  app.get("/:id{[a-z0-9-]+}", async (c) => {
    const id = c.req.param("id");
    const instrument = await getInstrument(deps.db, id);
    const assessments = await listAssessments(deps.db, { instrumentIds: [id] });
    const rubrics = await listRubricsOfCriteria(
      deps.db,
      assessments.map((a) => a.criterionId),
    );
    const document = instrument.documentId ? await findInstrumentDocument(deps.db, instrument.documentId) : null;
    const sources = await listRecordSources(deps.db, "instrument", id);
    const principal = currentPrincipal(c);
    return c.html(
      <InstrumentPage
        instrument={instrument}
        assessments={assessments}
        lights={summarizeByRubricVersion(rubrics, assessments)}
        document={document}
        sources={sources}
        isEditor={!!principal && hasPermission(principal, "edit")}
      />,
    );
  });
  return app;
}

function InstrumentListPage(props: {
  items: InstrumentAssessments[];
  rubrics: Rubric[];
  q: z.infer<typeof ListQuery>;
  unknownStates: string[];
}) {
  const { q } = props;
  return (
    <Layout
      title="National instruments"
      path="/instruments"
      description="National cyber strategies, laws, agencies and policies, with human-rights assessments"
    >
      <h1>National instruments</h1>
      <p class="lede">
        Strategies, laws, agencies and policies of States, with their status, dates and an assessment against{" "}
        <a href="/rubric">Normwatch's human-rights and multistakeholder rubric</a>. The first national cybersecurity
        strategies come from a research dataset that gives their dates only; editors add titles, texts and other
        instruments.
      </p>
      <form class="filters" method="get" action="/instruments" aria-label="Filter instruments">
        <label>
          State (name or code){" "}
          <input
            name="state"
            value={q.state ?? ""}
            size={12}
            maxlength={STATE_PARAM_MAX_LENGTH}
            placeholder={STATE_PLACEHOLDER}
          />
        </label>
        <label>
          Kind
          <select name="kind">
            <option value="">Any kind</option>
            {INSTRUMENT_KINDS.map((k) => (
              <option value={k} selected={q.kind === k}>
                {INSTRUMENT_KIND_LABELS[k]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Status
          <select name="status">
            <option value="">Any status</option>
            {INSTRUMENT_STATUSES.map((s) => (
              <option value={s} selected={q.status === s}>
                {INSTRUMENT_STATUS_LABELS[s]}
              </option>
            ))}
          </select>
        </label>
        <button type="submit">Filter</button>
      </form>
      <UnknownStateNotice inputs={props.unknownStates} />
      <p role="status">
        {props.items.length} {props.items.length === 1 ? "instrument" : "instruments"}
      </p>
      <InstrumentTable
        items={props.items}
        rubrics={props.rubrics}
        caption="Instruments matching the filter"
        showSubject
      />
      <p class="hint">
        Assessment: {TRAFFIC_LIGHT_RULE} Data: <a href="/api/v1/instruments">JSON</a>, assessments as{" "}
        <a href="/api/v1/assessments?format=csv">CSV</a>.
      </p>
    </Layout>
  );
}

/** Links only http(s) addresses; anything else is shown as text. */
function ExternalLink(props: { url: string }) {
  return /^https?:\/\//i.test(props.url) ? (
    <a href={props.url} rel="nofollow noopener">
      {props.url}
    </a>
  ) : (
    <>{props.url}</>
  );
}

function Citation(props: { a: AssessmentDetail }) {
  const { a } = props;
  return (
    <>
      {a.paragraph ? (
        <a href={paragraphPermalink(a.paragraph.documentSlug, a.paragraph.anchor)}>
          {a.paragraph.documentTitle}, {a.paragraph.label}
        </a>
      ) : null}
      {a.paragraph && a.externalUrl ? "; " : null}
      {a.externalUrl ? <ExternalLink url={a.externalUrl} /> : null}
      {!a.paragraph && !a.externalUrl ? <span class="muted">none (rating unknown)</span> : null}
    </>
  );
}

function InstrumentPage(props: {
  instrument: InstrumentSummary;
  assessments: AssessmentDetail[];
  lights: { rubric: Rubric; summary: TrafficLightSummary }[];
  document: { slug: string; title: string; symbol: string | null } | null;
  sources: Source[];
  isEditor: boolean;
}) {
  const i = props.instrument;
  return (
    <Layout
      title={i.title}
      path="/instruments"
      description={`${i.title} (${i.subjectName}): status, dates and assessment`}
    >
      <nav aria-label="Breadcrumb" class="breadcrumb">
        <a href="/instruments">Instruments</a> › {i.subjectName}
      </nav>
      <h1>{i.title}</h1>
      <p class="lede">
        {INSTRUMENT_KIND_LABELS[i.kind]} of{" "}
        {i.stateIso3 ? (
          <a href={`/states/${i.stateIso3}`}>{i.subjectName}</a>
        ) : (
          <a href={`/organizations/${i.organizationId}`}>{i.subjectName}</a>
        )}
      </p>
      <dl class="facts">
        <dt>Status</dt>
        <dd>{INSTRUMENT_STATUS_LABELS[i.status]}</dd>
        <dt>Adopted</dt>
        <dd>
          <DateText value={i.adopted} fallback="not recorded" />
        </dd>
        {i.superseded ? (
          <>
            <dt>Superseded</dt>
            <dd>
              <DateText value={i.superseded} />
            </dd>
          </>
        ) : null}
        <dt>Text</dt>
        <dd>
          {props.document ? (
            <a href={documentPath(props.document.slug)}>{props.document.symbol ?? props.document.title}</a>
          ) : i.url ? (
            <ExternalLink url={i.url} />
          ) : (
            "not yet in Normwatch"
          )}
        </dd>
        <dt>Confidence</dt>
        <dd>{i.confidence}</dd>
        {i.notes ? (
          <>
            <dt>Notes</dt>
            <dd>{i.notes}</dd>
          </>
        ) : null}
      </dl>
      <section aria-labelledby="assessment-heading">
        <h2 id="assessment-heading">Human-rights and multistakeholder assessment</h2>
        {props.lights.length === 0 ? <p>Not assessed yet.</p> : null}
        {props.lights.map(({ rubric, summary }) => (
          <>
            <h3>
              {rubric.title}, version {rubric.version}: <LightText summary={summary} />
            </h3>
            <table class="data">
              <caption>
                Ratings against{" "}
                <a href={`/rubric/${rubric.slug}/v/${rubric.version}`}>
                  {rubric.title} v{rubric.version}
                </a>
                , each with the paragraph or page that justifies it
              </caption>
              <thead>
                <tr>
                  <th scope="col">Criterion</th>
                  <th scope="col">Rating</th>
                  <th scope="col">Cited</th>
                  <th scope="col">Quote and note</th>
                  <th scope="col">Assessed</th>
                </tr>
              </thead>
              <tbody>
                {rubric.criteria.map((criterion) => {
                  const a = props.assessments.find((x) => x.criterionId === criterion.id);
                  return (
                    <tr>
                      <th scope="row">{criterion.title}</th>
                      <td>{a ? ASSESSMENT_RATING_LABELS[a.rating] : <span class="muted">not assessed</span>}</td>
                      <td>{a ? <Citation a={a} /> : null}</td>
                      <td>
                        {a?.quote ? <q>{a.quote}</q> : null}
                        {a?.note ? <> {a.note}</> : null}
                      </td>
                      <td>{a?.assessedOn ?? ""}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </>
        ))}
        <p class="hint">{TRAFFIC_LIGHT_RULE}</p>
        {props.isEditor ? (
          <p>
            <a href={`/editor/edit/instrument/${i.id}`}>Edit this instrument</a> ·{" "}
            <a href="/editor/new/assessment">Add an assessment</a> (instrument id <code>{i.id}</code>; criterion ids are
            on <a href="/rubric">the rubric page</a>)
          </p>
        ) : null}
      </section>
      <SourceList sources={props.sources} />
      <RecordEditorialLinks kind="instrument" id={i.id} />
    </Layout>
  );
}
