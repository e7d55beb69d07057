// The assessment rubric: its current version and every earlier one (public), and the editors' form that adds a
// new version (copying the criteria to edit, remove or add to). A new version never changes scores given before.
import { Hono, type Context } from "hono";
import { currentPrincipal, requirePermission } from "../../http/auth.js";
import { csrfTokenFor } from "../../http/csrf.js";
import type { AppDeps } from "../../http/deps.js";
import { findCurrentRubric, getRubric, insertRubricVersion, listRubricVersions } from "../../db/rubrics.js";
import { hasPermission } from "../../domain/auth.js";
import { InvalidInputError, NotFoundError } from "../../domain/errors.js";
import {
  DEFAULT_RUBRIC_SLUG,
  MAX_CRITERIA,
  TRAFFIC_LIGHT_RULE,
  type Rubric,
  type RubricDraft,
  type RubricVersionSummary,
} from "../../domain/rubric.js";
import { CsrfInput, ErrorSummary, type FormIssue } from "../components/forms.js";
import { Layout } from "../layout.js";

const BLANK_ROWS = 3;
const SLUG = "{[a-z0-9-]+}";

export function rubricPages(deps: AppDeps) {
  const app = new Hono();
  app.get("/", async (c) => {
    const rubric = await findCurrentRubric(deps.db, DEFAULT_RUBRIC_SLUG);
    if (!rubric) throw new NotFoundError("Rubric", DEFAULT_RUBRIC_SLUG);
    return c.html(
      <RubricPage rubric={rubric} versions={await listRubricVersions(deps.db)} isCurrent isEditor={isEditor(c)} />,
    );
  });
  app.get(`/:slug${SLUG}/v/:version{[0-9]{1,6}}`, async (c) => {
    const rubric = await getRubric(deps.db, c.req.param("slug"), Number(c.req.param("version")));
    const versions = await listRubricVersions(deps.db, rubric.slug);
    return c.html(
      <RubricPage
        rubric={rubric}
        versions={versions}
        isCurrent={versions[0]?.version === rubric.version}
        isEditor={isEditor(c)}
      />,
    );
  });
  app.get(`/:slug${SLUG}/new-version`, async (c) => {
    requirePermission(c, "edit");
    const rubric = await currentOrThrow(deps, c.req.param("slug"));
    const draft: RubricDraft = {
      title: rubric.title,
      description: rubric.description,
      criteria: rubric.criteria.map((x) => ({ code: x.code, title: x.title, guidance: x.guidance })),
    };
    return c.html(<NewVersionForm rubric={rubric} draft={draft} removed={[]} csrf={csrfTokenFor(c, deps)} />);
  });
  app.post(`/:slug${SLUG}/new-version`, async (c) => {
    const principal = requirePermission(c, "edit");
    const rubric = await currentOrThrow(deps, c.req.param("slug"));
    const { draft, removed, basedOn } = await readForm(c);
    try {
      const created = await insertRubricVersion(deps.db, {
        slug: rubric.slug,
        basedOn,
        draft: { ...draft, criteria: draft.criteria.filter((_, i) => !removed.includes(i)) },
        userId: principal.user.id,
        now: deps.now(),
      });
      return c.redirect(`/rubric/${created.slug}/v/${created.version}`, 303);
    } catch (error) {
      if (!(error instanceof InvalidInputError)) throw error;
      // Problems are numbered among the kept criteria; the form shows every row, removed ones included.
      const kept = draft.criteria.map((_, i) => i).filter((i) => !removed.includes(i));
      const issues = error.issues.map((x) => ({
        ...x,
        path: x.path.replace(
          /^(code|title|guidance)_(\d+)$/,
          (_, field: string, k: string) => `${field}_${kept[Number(k)] ?? k}`,
        ),
      }));
      return c.html(
        <NewVersionForm
          rubric={rubric}
          draft={draft}
          removed={removed}
          csrf={csrfTokenFor(c, deps)}
          error={error.message}
          issues={issues}
        />,
        400,
      );
    }
  });
  return app;
}

function isEditor(c: Context): boolean {
  const principal = currentPrincipal(c);
  return !!principal && hasPermission(principal, "edit");
}

async function currentOrThrow(deps: AppDeps, slug: string): Promise<Rubric> {
  const rubric = await findCurrentRubric(deps.db, slug);
  if (!rubric) throw new NotFoundError("Rubric", slug);
  return rubric;
}

/** The posted form: rows with neither code nor title are ignored; "remove" rows are kept to redisplay but not saved. */
async function readForm(c: Context): Promise<{ draft: RubricDraft; removed: number[]; basedOn: number }> {
  const body = await c.req.parseBody();
  const text = (name: string) => (typeof body[name] === "string" ? (body[name] as string) : "");
  const rows = Math.min(Number(text("rows")) || 0, MAX_CRITERIA + BLANK_ROWS);
  const criteria: RubricDraft["criteria"] = [];
  const removed: number[] = [];
  for (let i = 0; i < rows; i++) {
    const row = { code: text(`code_${i}`), title: text(`title_${i}`), guidance: text(`guidance_${i}`) };
    if (!row.code.trim() && !row.title.trim()) continue;
    if (text(`remove_${i}`) === "on") removed.push(criteria.length);
    criteria.push(row);
  }
  const basedOn = Number(text("based_on"));
  if (!Number.isInteger(basedOn) || basedOn < 1)
    throw new InvalidInputError("the form does not say which version it started from");
  return { draft: { title: text("title"), description: text("description"), criteria }, removed, basedOn };
}

function VersionList(props: { versions: RubricVersionSummary[]; current: Rubric }) {
  return (
    <table class="data">
      <caption>Versions</caption>
      <thead>
        <tr>
          <th scope="col">Version</th>
          <th scope="col">Title</th>
          <th scope="col">Published</th>
          <th scope="col">Criteria</th>
          <th scope="col">Assessments</th>
        </tr>
      </thead>
      <tbody>
        {props.versions.map((v) => (
          <tr>
            <th scope="row">
              {v.slug === props.current.slug && v.version === props.current.version ? (
                `v${v.version} (shown)`
              ) : (
                <a href={`/rubric/${v.slug}/v/${v.version}`}>v{v.version}</a>
              )}
            </th>
            <td>{v.title}</td>
            <td>{v.createdAt.toISOString().slice(0, 10)}</td>
            <td>{v.criteriaCount}</td>
            <td>{v.assessmentCount}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function RubricPage(props: {
  rubric: Rubric;
  versions: RubricVersionSummary[];
  isCurrent: boolean;
  isEditor: boolean;
}) {
  const r = props.rubric;
  return (
    <Layout
      title={`${r.title} (v${r.version})`}
      path="/rubric"
      description="Normwatch's rubric for assessing national cyber instruments on human rights and multistakeholder criteria"
    >
      <h1>{r.title}</h1>
      <p class="lede">
        Version {r.version}
        {props.isCurrent ? " (current)" : ""}, published {r.createdAt.toISOString().slice(0, 10)}.
      </p>
      <p>{r.description}</p>
      <table class="data">
        <caption>
          Criteria of version {r.version}, each rated met, partly met, not met or unknown with a cited paragraph or URL
        </caption>
        <thead>
          <tr>
            <th scope="col">Criterion</th>
            <th scope="col">Guidance</th>
            <th scope="col">Code</th>
            <th scope="col">Criterion id</th>
          </tr>
        </thead>
        <tbody>
          {r.criteria.map((x) => (
            <tr>
              <th scope="row">{x.title}</th>
              <td>{x.guidance}</td>
              <td>
                <code>{x.code}</code>
              </td>
              <td>{x.id}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p class="hint">Traffic light: {TRAFFIC_LIGHT_RULE} Editors cite the criterion id when they add an assessment.</p>
      <p>
        Editors change the rubric by publishing a new version, which copies these criteria; scores given against this
        version keep pointing at it.
        {props.isEditor && props.isCurrent ? (
          <>
            {" "}
            <a href={`/rubric/${r.slug}/new-version`}>Publish a new version</a>.
          </>
        ) : null}
      </p>
      <VersionList versions={props.versions} current={r} />
      <p>
        Data: <a href={`/api/v1/rubrics/${r.slug}/versions/${r.version}`}>JSON</a>.
      </p>
    </Layout>
  );
}

function NewVersionForm(props: {
  rubric: Rubric;
  draft: RubricDraft;
  removed: number[];
  csrf: string;
  error?: string;
  issues?: FormIssue[];
}) {
  const { rubric, draft } = props;
  const rows = [
    ...draft.criteria,
    ...Array.from({ length: BLANK_ROWS }, () => ({ code: "", title: "", guidance: "" })),
  ];
  const issueOf = (path: string) => props.issues?.find((i) => i.path === path)?.message;
  return (
    <Layout title={`New version of ${rubric.title}`} path="/rubric">
      <nav aria-label="Breadcrumb" class="breadcrumb">
        <a href="/rubric">Rubric</a> › New version
      </nav>
      <h1>New version of {rubric.title}</h1>
      <p>
        Starts from version {rubric.version}. Saving publishes version {rubric.version + 1}; version {rubric.version}{" "}
        and its scores stay as they are. Keep a criterion's code when its meaning stays the same.
      </p>
      <ErrorSummary message={props.error} issues={props.issues} />
      <form method="post" action={`/rubric/${rubric.slug}/new-version`} class="stack">
        <CsrfInput token={props.csrf} />
        <input type="hidden" name="based_on" value={String(rubric.version)} />
        <input type="hidden" name="rows" value={String(rows.length)} />
        <div class="field">
          <label for="field-title">Title (required)</label>
          <input id="field-title" name="title" value={draft.title} required maxlength={200} />
        </div>
        <div class="field">
          <label for="field-description">Description (required)</label>
          <textarea id="field-description" name="description" rows={5} required>
            {draft.description}
          </textarea>
        </div>
        {rows.map((row, i) => (
          <fieldset id={`field-code_${i}`}>
            <legend>{i < draft.criteria.length ? `Criterion ${i + 1}` : "New criterion (leave empty to skip)"}</legend>
            <div class="field">
              <label for={`code_${i}`}>Code</label>
              {issueOf(`code_${i}`) ? <span class="field-error">{issueOf(`code_${i}`)}</span> : null}
              <input id={`code_${i}`} name={`code_${i}`} value={row.code} maxlength={60} />
            </div>
            <div class="field">
              <label for={`title_${i}`}>Title</label>
              {issueOf(`title_${i}`) ? <span class="field-error">{issueOf(`title_${i}`)}</span> : null}
              <input id={`title_${i}`} name={`title_${i}`} value={row.title} maxlength={300} />
            </div>
            <div class="field">
              <label for={`guidance_${i}`}>Guidance</label>
              <textarea id={`guidance_${i}`} name={`guidance_${i}`} rows={3}>
                {row.guidance}
              </textarea>
            </div>
            {i < draft.criteria.length ? (
              <label>
                <input type="checkbox" name={`remove_${i}`} checked={props.removed.includes(i)} /> Remove this criterion
                from the new version
              </label>
            ) : null}
          </fieldset>
        ))}
        <button type="submit">Publish version {rubric.version + 1}</button>
      </form>
    </Layout>
  );
}
