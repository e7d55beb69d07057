// Capacity-building pages: programmes with filters (beneficiary State, funder, norm or CBM) and one programme
// with its funders, implementers, beneficiaries, budget, sources and the gaps it is shown against.
import { Hono } from "hono";
import { z } from "zod";
import type { AppDeps } from "../../http/deps.js";
import { listFrameworkItems } from "../../db/frameworks.js";
import { getProgramme, listEvidencedItemsByState, listProgrammeFunders, listProgrammes } from "../../db/programmes.js";
import { listStates } from "../../db/states.js";
import { InvalidInputError } from "../../domain/errors.js";
import type { FrameworkItem } from "../../domain/framework.js";
import { findProgrammeGaps, type Programme, type ProgrammeDetail } from "../../domain/programme.js";
import { RecordEditorialLinks } from "../components/history.js";
import { DateRange } from "../components/date-range.js";
import { SourceList } from "../components/sources.js";
import { Layout } from "../layout.js";
import { TableScroll } from "../components/table-scroll.js";
import { blank } from "../../http/query-fields.js";
import { resolveStateFields } from "../../http/state-param.js";
import { UnknownStateNotice } from "../components/forms.js";

const ListQuery = z.object({
  /** A code or a name (KEN, Kenya); one that matches no State is said on the page. */
  beneficiary: z.string().optional(),
  funder: z.string().max(300).optional().or(blank),
  item: z
    .string()
    .regex(/^[a-z0-9-]+$/)
    .max(100)
    .optional()
    .or(blank),
});

export function capacityBuildingPages(deps: AppDeps) {
  const app = new Hono();
  app.get("/", async (c) => {
    const parsed = ListQuery.safeParse(c.req.query());
    if (!parsed.success)
      throw new InvalidInputError(
        `invalid filter: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`,
      );
    const {
      codes: [beneficiary],
      unknown,
    } = await resolveStateFields(deps.db, [parsed.data.beneficiary]);
    const q = { ...parsed.data, beneficiary: beneficiary ?? undefined };
    const [programmes, funders, items, states] = [
      beneficiary === null
        ? []
        : await listProgrammes(deps.db, { beneficiary: q.beneficiary, funder: q.funder, itemId: q.item }),
      await listProgrammeFunders(deps.db),
      await listFrameworkItems(deps.db),
      (await listStates(deps.db)).items,
    ];
    const csv = `/api/v1/programmes?${new URLSearchParams({ format: "csv", ...(q.beneficiary ? { beneficiary: q.beneficiary } : {}), ...(q.funder ? { funder: q.funder } : {}), ...(q.item ? { item: q.item } : {}) })}`;
    return c.html(
      <ProgrammeListPage
        programmes={programmes}
        q={q}
        funders={funders}
        items={items}
        states={states.map((s) => ({ iso3: s.iso3, name: s.name }))}
        csvHref={csv}
        unknownStates={unknown}
      />,
    );
  });
  app.get("/:id{[a-z0-9-]+}", async (c) => {
    const programme = await getProgramme(deps.db, c.req.param("id"));
    const evidenced = await listEvidencedItemsByState(deps.db, programme.beneficiaryStates);
    const items = await listFrameworkItems(deps.db);
    const names = new Map((await listStates(deps.db)).items.map((s) => [s.iso3, s.name]));
    return c.html(<ProgrammePage programme={programme} evidenced={evidenced} items={items} stateNames={names} />);
  });
  return app;
}

function Budget(props: { p: Programme }) {
  if (!props.p.budget) return <span class="muted">not recorded</span>;
  const [whole, cents] = props.p.budget.split(".");
  return (
    <>{`${whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ",")}${cents && cents !== "00" ? `.${cents}` : ""} ${props.p.currency ?? ""}`}</>
  );
}

function ProgrammeListPage(props: {
  programmes: Programme[];
  q: z.infer<typeof ListQuery>;
  funders: string[];
  items: FrameworkItem[];
  states: { iso3: string; name: string }[];
  csvHref: string;
  unknownStates: string[];
}) {
  const { q } = props;
  return (
    <Layout
      title="Capacity building"
      path="/capacity-building"
      description="Capacity-building programmes on cyber norms and CBMs: funders, implementers, beneficiary States, budgets"
    >
      <h1>Capacity building</h1>
      <p class="lede">
        Programmes and workshops that support States in implementing norms and CBMs, with funders, implementers,
        beneficiary States, dates, budget and sources. Fields follow IATI activities, so programmes can be imported from
        IATI files. Each programme is shown against the gaps in its beneficiary States: norms and CBMs with no published
        evidence there.
      </p>
      <form class="filters" method="get" action="/capacity-building" aria-label="Filter programmes">
        <label>
          Beneficiary State
          <select name="beneficiary">
            <option value="">Any State</option>
            {props.states.map((s) => (
              <option value={s.iso3} selected={q.beneficiary === s.iso3}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Funder
          <select name="funder">
            <option value="">Any funder</option>
            {props.funders.map((f) => (
              <option value={f} selected={q.funder === f}>
                {f}
              </option>
            ))}
          </select>
        </label>
        <label>
          Norm or CBM
          <select name="item">
            <option value="">Any</option>
            {props.items.map((i) => (
              <option value={i.id} selected={q.item === i.id}>
                {i.code} {i.shortTitle}
              </option>
            ))}
          </select>
        </label>
        <button type="submit">Filter</button>
      </form>
      <UnknownStateNotice inputs={props.unknownStates} />
      <p role="status">
        {props.programmes.length} programmes · <a href={props.csvHref}>Download as CSV</a>
      </p>
      {props.programmes.length === 0 ? (
        <p>
          No programme matches. Editors add programmes through the editorial workflow; operators import IATI files with{" "}
          <code>normwatch programmes import-iati</code>.
        </p>
      ) : (
        <TableScroll label="Programmes">
          <table class="data">
            <caption>Programmes matching the filter, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Programme</th>
                <th scope="col">Funders</th>
                <th scope="col">Beneficiary States</th>
                <th scope="col">Dates</th>
                <th scope="col">Budget</th>
              </tr>
            </thead>
            <tbody>
              {props.programmes.map((p) => (
                <tr>
                  <th scope="row">
                    <a href={`/capacity-building/${p.id}`}>{p.title}</a>
                  </th>
                  <td>{p.funders.join(", ") || "—"}</td>
                  <td>{p.beneficiaryStates.join(", ") || (p.region ?? "—")}</td>
                  <td>
                    <DateRange start={p.start} end={p.end} />
                  </td>
                  <td>
                    <Budget p={p} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </Layout>
  );
}

function ProgrammePage(props: {
  programme: ProgrammeDetail;
  evidenced: Map<string, Set<string>>;
  items: FrameworkItem[];
  stateNames: Map<string, string>;
}) {
  const p = props.programme;
  const itemById = new Map(props.items.map((i) => [i.id, i]));
  const gaps = findProgrammeGaps(p, props.evidenced);
  const itemLabel = (id: string) =>
    itemById.get(id) ? `${itemById.get(id)!.code} ${itemById.get(id)!.shortTitle}` : id;
  return (
    <Layout title={p.title} path="/capacity-building" description={`Capacity-building programme: ${p.title}`}>
      <nav aria-label="Breadcrumb" class="breadcrumb">
        <a href="/capacity-building">Capacity building</a> › {p.title}
      </nav>
      <h1>{p.title}</h1>
      {p.description ? <p class="lede">{p.description}</p> : null}
      <dl class="facts">
        <dt>Funders</dt>
        <dd>{p.funders.join(", ") || "not recorded"}</dd>
        <dt>Implementers</dt>
        <dd>{p.implementers.join(", ") || "not recorded"}</dd>
        <dt>Beneficiary States</dt>
        <dd>
          {p.beneficiaryStates.length
            ? p.beneficiaryStates.map((s, i) => (
                <>
                  {i ? ", " : ""}
                  <a href={`/states/${s}`}>{props.stateNames.get(s) ?? s}</a>
                </>
              ))
            : "none recorded"}
        </dd>
        {p.region ? (
          <>
            <dt>Region</dt>
            <dd>{p.region}</dd>
          </>
        ) : null}
        <dt>Dates</dt>
        <dd>
          <DateRange start={p.start} end={p.end} />
        </dd>
        <dt>Budget</dt>
        <dd>
          <Budget p={p} />
        </dd>
        {p.iatiIdentifier ? (
          <>
            <dt>IATI identifier</dt>
            <dd>
              <code>{p.iatiIdentifier}</code>
            </dd>
          </>
        ) : null}
        <dt>Norms and CBMs addressed</dt>
        <dd>
          {p.itemIds.length
            ? p.itemIds.map((id, i) => (
                <>
                  {i ? "; " : ""}
                  <a href={`/norms/${id}`}>{itemLabel(id)}</a>
                </>
              ))
            : "not yet recorded by an editor"}
        </dd>
        {p.notes ? (
          <>
            <dt>Notes</dt>
            <dd>{p.notes}</dd>
          </>
        ) : null}
      </dl>
      <section aria-labelledby="gaps-heading">
        <h2 id="gaps-heading">Against the gaps</h2>
        {p.beneficiaryStates.length === 0 ? <p>No beneficiary State is recorded.</p> : null}
        {gaps.map((g) => {
          const all = props.items.filter((i) => !(props.evidenced.get(g.stateIso3)?.has(i.id) ?? false)).length;
          return (
            <p>
              <a href={`/states/${g.stateIso3}#gaps-heading`}>{props.stateNames.get(g.stateIso3) ?? g.stateIso3}</a>:{" "}
              {all} of {props.items.length} norms and CBMs have no published evidence.
              {p.itemIds.length ? (
                g.itemIds.length ? (
                  <>
                    {" "}
                    Of those this programme addresses, no evidence yet for:{" "}
                    {g.itemIds.map((id, i) => (
                      <>
                        {i ? ", " : ""}
                        <a href={`/norms/${id}`}>{itemById.get(id)?.code ?? id}</a>
                      </>
                    ))}
                    .
                  </>
                ) : (
                  " Every item this programme addresses has evidence there."
                )
              ) : (
                ""
              )}
            </p>
          );
        })}
      </section>
      <SourceList sources={p.sources} />
      <RecordEditorialLinks kind="programme" id={p.id} />
    </Layout>
  );
}
