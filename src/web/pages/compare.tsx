// Compare up to three States side by side: pairwise agreement in General Assembly votes, published evidence
// per norm and CBM (self-reported and by others), instruments with their traffic lights, and programmes.
import { Hono } from "hono";
import { getPairAgreement } from "../../analysis/alignment-queries.js";
import type { PairAgreement } from "../../analysis/alignment.js";
import type { AppDeps } from "../../http/deps.js";
import { getStateImplementation } from "../../db/state-implementation.js";
import type { StateImplementation } from "../../domain/state-implementation.js";
import { listStates } from "../../db/states.js";
import type { Db } from "../../db/client.js";
import { NotFoundError } from "../../domain/errors.js";
import { resolveStateFields, unknownStateMessage } from "../../http/state-param.js";
import type { State } from "../../domain/state.js";
import { latestLight, LightText, ProgrammeList } from "../components/state-implementation.js";
import { DateText } from "../components/partial-date.js";
import { loadDerivedIndicatorValues } from "../../db/implementation-indicators.js";
import type { DerivedIndicatorValue } from "../../domain/implementation-indicators.js";
import { IndicatorCompareTable } from "../components/indicator-coverage.js";
import { Layout } from "../layout.js";
import { TableScroll } from "../components/table-scroll.js";

export const MAX_COMPARED = 3;

/**
 * Reads ?states=FRA,DEU,BRA (or the form's three `states` fields), each a code or a name (France, fra, Allemagne): the
 * States found, at most MAX_COMPARED, and what the page says about the rest (names that match none, too many States).
 */
export async function resolveComparedStates(
  db: Db,
  values: string[],
  known: Map<string, State>,
): Promise<{ chosen: State[]; problems: string[] }> {
  const inputs = values
    .flatMap((v) => v.split(","))
    .map((v) => v.trim())
    .filter(Boolean)
    .slice(0, 20);
  const { codes, unknown } = await resolveStateFields(db, inputs);
  const found = [...new Set(codes.filter((c): c is string => !!c && known.has(c)))];
  const problems = unknown.length ? [unknownStateMessage(unknown)] : [];
  if (found.length > MAX_COMPARED)
    problems.push(`Compare at most ${MAX_COMPARED} States at a time: the first ${MAX_COMPARED} are shown.`);
  return { chosen: found.slice(0, MAX_COMPARED).map((c) => known.get(c)!), problems };
}

interface Pair {
  a: State;
  b: State;
  cyber: PairAgreement | null;
  all: PairAgreement | null;
}

async function pairAgreement(deps: AppDeps, a: string, b: string, isCyberOnly: boolean): Promise<PairAgreement | null> {
  try {
    return await getPairAgreement(deps.db, a, b, { isCyberOnly });
  } catch (error) {
    if (error instanceof NotFoundError) return null; // not a voter in the recorded votes
    throw error;
  }
}

export function comparePages(deps: AppDeps) {
  const app = new Hono();
  app.get("/", async (c) => {
    const states = (await listStates(deps.db)).items;
    const known = new Map(states.map((s) => [s.iso3, s]));
    const { chosen, problems } = await resolveComparedStates(deps.db, c.req.queries("states") ?? [], known);
    const pairs: Pair[] = [];
    for (let i = 0; i < chosen.length; i++) {
      for (let j = i + 1; j < chosen.length; j++) {
        const [a, b] = [chosen[i]!, chosen[j]!];
        pairs.push({
          a,
          b,
          cyber: await pairAgreement(deps, a.iso3, b.iso3, true),
          all: await pairAgreement(deps, a.iso3, b.iso3, false),
        });
      }
    }
    const data: StateImplementation[] = [];
    for (const s of chosen) data.push(await getStateImplementation(deps.db, s.iso3));
    const indicators = chosen.length ? await loadDerivedIndicatorValues(deps.db) : [];
    return c.html(
      <ComparePage
        states={states}
        chosen={chosen}
        problems={problems}
        pairs={pairs}
        data={data}
        indicators={indicators}
      />,
    );
  });
  return app;
}

function Agreement(props: { value: PairAgreement | null }) {
  const v = props.value;
  if (!v || v.agreement === null) return <span class="muted">no shared recorded votes</span>;
  return (
    <>{`${(v.agreement * 100).toFixed(1)}% (${v.events} votes: ${v.same} same, ${v.half} half, ${v.opposite} opposite)`}</>
  );
}

function ComparePage(props: {
  states: State[];
  chosen: State[];
  problems: string[];
  pairs: Pair[];
  data: StateImplementation[];
  indicators: DerivedIndicatorValue[];
}) {
  const { chosen, data } = props;
  const names = chosen.map((s) => s.name).join(", ");
  const items = data[0]?.items ?? [];
  return (
    <Layout
      title={chosen.length ? `Compare ${names}` : "Compare States"}
      path="/compare"
      description="Compare up to three States: vote alignment, evidence of implementing norms and CBMs, national instruments"
    >
      <h1>{chosen.length ? `Compare ${names}` : "Compare States"}</h1>
      <form class="filters" method="get" action="/compare" aria-label="Choose up to three States">
        {[0, 1, 2].map((i) => (
          <label>
            {`State ${i + 1}`}
            <select name="states">
              <option value="">—</option>
              {props.states.map((s) => (
                <option value={s.iso3} selected={chosen[i]?.iso3 === s.iso3}>
                  {s.name}
                </option>
              ))}
            </select>
          </label>
        ))}
        <button type="submit">Compare</button>
      </form>
      {props.problems.length ? (
        <p class="error" role="alert">
          {props.problems.join(" ")}
        </p>
      ) : null}
      {chosen.length < 2 ? <p>Choose two or three States to compare them side by side.</p> : null}
      {chosen.length >= 2 ? (
        <section aria-labelledby="alignment-heading">
          <h2 id="alignment-heading">Agreement in General Assembly votes</h2>
          <TableScroll label="Vote agreement">
            <table class="data" id="compare-alignment">
              <caption>
                Agreement index of each pair: (same votes + ½ × one abstained) ÷ votes where both voted yes, no or
                abstain
              </caption>
              <thead>
                <tr>
                  <th scope="col">Pair</th>
                  <th scope="col">Cyber votes</th>
                  <th scope="col">All recorded votes</th>
                </tr>
              </thead>
              <tbody>
                {props.pairs.map((p) => (
                  <tr>
                    <th scope="row">
                      <a href={`/alignment?a=${p.a.iso3}&b=${p.b.iso3}`}>
                        {p.a.name} – {p.b.name}
                      </a>
                    </th>
                    <td>
                      <Agreement value={p.cyber} />
                    </td>
                    <td>
                      <Agreement value={p.all} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </section>
      ) : null}
      {chosen.length ? (
        <>
          <IndicatorCompareTable states={chosen} values={props.indicators} />
          <section aria-labelledby="compare-instruments-heading">
            <h2 id="compare-instruments-heading">National instruments</h2>
            <div class="two-columns">
              {chosen.map((s, k) => (
                <div>
                  <h3>
                    <a href={`/states/${s.iso3}`}>{s.name}</a>
                  </h3>
                  {data[k]!.instruments.length === 0 ? <p class="muted">No instruments recorded.</p> : null}
                  <ul class="plain">
                    {data[k]!.instruments.map((item) => {
                      const light = latestLight(item, data[k]!.rubrics);
                      return (
                        <li>
                          <a href={`/instruments/${item.instrument.id}`}>{item.instrument.title}</a> (
                          <DateText value={item.instrument.adopted} fallback="date not recorded" />){" — "}
                          {light ? <LightText summary={light.summary} /> : "not assessed"}
                        </li>
                      );
                    })}
                  </ul>
                  <h4>Capacity building</h4>
                  <ProgrammeList programmes={data[k]!.programmes} empty="No programme lists it as a beneficiary." />
                </div>
              ))}
            </div>
          </section>
          <section aria-labelledby="compare-evidence-heading">
            <h2 id="compare-evidence-heading">Evidence per norm and CBM</h2>
            <TableScroll label="Evidence by item">
              <table class="data" id="compare-evidence">
                <caption>
                  Published evidence records per State: total (reported by the State itself / by others)
                </caption>
                <thead>
                  <tr>
                    <th scope="col">Norm or CBM</th>
                    {chosen.map((s) => (
                      <th scope="col">{s.name}</th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  <tr>
                    <th scope="row">Norms and CBMs with no evidence (gaps)</th>
                    {data.map((d) => (
                      <td>
                        {d.gaps.length} of {d.items.length}
                      </td>
                    ))}
                  </tr>
                  {items.map((row, r) => (
                    <tr>
                      <th scope="row">
                        <a href={`/norms/${row.item.id}`}>{row.item.code}</a> {row.item.shortTitle}
                      </th>
                      {data.map((d) => {
                        const x = d.items[r]!;
                        const self = x.byReporter.self ?? 0;
                        return <td>{x.total ? `${x.total} (${self} / ${x.total - self})` : "—"}</td>;
                      })}
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          </section>
        </>
      ) : null}
    </Layout>
  );
}
