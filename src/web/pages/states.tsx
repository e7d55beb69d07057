// State pages: the list with filters by regional group and organisation, and one State's profile.
import { Hono } from "hono";
import { z } from "zod";
import { listOrganizations } from "../../db/organizations.js";
import { getStateProfile } from "../../db/states.js";
import type { AppDeps } from "../../http/deps.js";
import { InvalidInputError, NotFoundError } from "../../domain/errors.js";
import { findStateIso3, listStateAlsoKnownAs } from "../../db/state-names.js";
import type { StateProfile } from "../../domain/state.js";
import { UN_REGIONAL_GROUP_LABELS, UN_REGIONAL_GROUPS } from "../../domain/vocabulary.js";
import { DateText } from "../components/partial-date.js";
import { SourceList } from "../components/sources.js";
import { listUpdates } from "../../db/updates.js";
import type { Update } from "../../domain/updates.js";
import { AlternateLinks, feedLinksFor, RecordUpdates, SubscribeLinks } from "../components/updates.js";
import { shareImageFor, type ShareImage } from "../og/share-image-pages.js";
import { Layout } from "../layout.js";
import { getStateImplementation } from "../../db/state-implementation.js";
import type { StateImplementation } from "../../domain/state-implementation.js";
import { StateImplementationSections } from "../components/state-implementation.js";
import { getStateInternationalLaw, type StateInternationalLaw } from "../../db/international-law.js";
import { InternationalLawStyles, PositionItem, StateTreatyStatus } from "../components/international-law.js";
import { loadDerivedIndicatorValues } from "../../db/implementation-indicators.js";
import type { DerivedIndicatorValue } from "../../domain/implementation-indicators.js";
import { StateIndicatorList } from "../components/indicator-coverage.js";
import { TableScroll } from "../components/table-scroll.js";
import { blank } from "../../http/query-fields.js";
import { listStatesMatching, STATE_PLACEHOLDER, unknownStateMessage } from "../../http/state-param.js";

const ListQuery = z.object({
  group: z.enum(UN_REGIONAL_GROUPS).optional().or(blank),
  organization: z.string().max(40).optional(),
  q: z.string().max(100).optional(),
});

function parseQuery(query: Record<string, string>) {
  const parsed = ListQuery.safeParse(query);
  if (!parsed.success)
    throw new InvalidInputError(
      "invalid filter",
      parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })),
    );
  return parsed.data;
}

export function statesPages(deps: AppDeps) {
  const app = new Hono();
  app.get("/", async (c) => {
    const query = parseQuery(c.req.query());
    const [{ items, total }, organizations] = [
      await listStatesMatching(deps.db, {
        unRegionalGroup: query.group,
        organizationId: query.organization || undefined,
        query: query.q || undefined,
      }),
      await listOrganizations(deps.db),
    ];
    return c.html(
      <Layout title="States" path="/states" islands={["states-filter"]}>
        <h1>States</h1>
        <form class="filters" method="get" action="/states" role="search" aria-label="Filter States">
          <label>
            Name or code{" "}
            <input
              type="search"
              name="q"
              value={query.q ?? ""}
              placeholder={STATE_PLACEHOLDER}
              data-filter-target="states-table"
            />
          </label>
          <label>
            UN regional group
            <select name="group">
              <option value="">All groups</option>
              {UN_REGIONAL_GROUPS.map((g) => (
                <option value={g} selected={query.group === g}>
                  {UN_REGIONAL_GROUP_LABELS[g]}
                </option>
              ))}
            </select>
          </label>
          <label>
            Organisation
            <select name="organization">
              <option value="">Any organisation</option>
              {organizations.map((o) => (
                <option value={o.id} selected={query.organization === o.id}>
                  {o.name}
                </option>
              ))}
            </select>
          </label>
          <button type="submit">Filter</button>
        </form>
        <p role="status">
          {total} States
          {query.q && total === 0 && !query.group && !query.organization ? `. ${unknownStateMessage([query.q])}` : ""}
        </p>
        <TableScroll label="States">
          <table id="states-table" class="data">
            <caption class="visually-hidden">States matching the filter</caption>
            <thead>
              <tr>
                <th scope="col">State</th>
                <th scope="col">ISO</th>
                <th scope="col">UN status</th>
                <th scope="col">Regional group</th>
              </tr>
            </thead>
            <tbody>
              {items.map((s) => (
                <tr>
                  <th scope="row">
                    <a href={`/states/${s.iso3}`}>{s.name}</a>
                  </th>
                  <td>{s.iso3}</td>
                  <td>
                    {s.unStatus === "member"
                      ? "Member State"
                      : s.unStatus === "observer"
                        ? "Observer State"
                        : "Non-member"}
                  </td>
                  <td>{s.unRegionalGroup ? UN_REGIONAL_GROUP_LABELS[s.unRegionalGroup] : "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </Layout>,
    );
  });
  app.get("/:iso3{[A-Za-z]{3}}", async (c) => {
    const code = c.req.param("iso3");
    let profile: StateProfile;
    try {
      profile = await getStateProfile(deps.db, code);
    } catch (error) {
      // Three letters that are no code but a name ("UAE", "DRC", "Lao"): redirected like the longer names below.
      const iso3 = error instanceof NotFoundError ? await findStateIso3(deps.db, code) : null;
      if (!iso3) throw error;
      return c.redirect(`/states/${iso3}`, 301);
    }
    const updates = await listUpdates(deps.db, { link: { kind: "state", id: profile.state.iso3 } }, 10);
    const implementation = await getStateImplementation(deps.db, profile.state.iso3);
    const internationalLaw = await getStateInternationalLaw(deps.db, profile.state.iso3);
    const indicators = (await loadDerivedIndicatorValues(deps.db)).filter((v) => v.stateIso3 === profile.state.iso3);
    const alsoKnownAs = await listStateAlsoKnownAs(deps.db, profile.state.iso3);
    return c.html(
      <StateProfilePage
        profile={profile}
        alsoKnownAs={alsoKnownAs}
        updates={updates}
        implementation={implementation}
        internationalLaw={internationalLaw}
        indicators={indicators}
        shareImage={shareImageFor(deps, "states", profile.state.iso3, `${profile.state.name} on the world map`)}
      />,
    );
  });
  // A State's page by name (/states/France, /states/Allemagne, /states/cote%20divoire): a permanent redirect to its code.
  app.get("/:name{[^/]{1,100}}", async (c) => {
    const name = c.req.param("name");
    const iso3 = await findStateIso3(deps.db, name);
    if (!iso3) throw new NotFoundError("State", name);
    return c.redirect(`/states/${iso3}`, 301);
  });
  return app;
}

function StateProfilePage(props: {
  profile: StateProfile;
  /** Other English names (world-countries): "UK", "Holy See (Vatican City State)", "Côte d'Ivoire". */
  alsoKnownAs: string[];
  updates: Update[];
  implementation: StateImplementation;
  internationalLaw: StateInternationalLaw;
  indicators: DerivedIndicatorValue[];
  shareImage: ShareImage;
}) {
  const { profile, updates, implementation, internationalLaw } = props;
  const { state, memberships, strategy, processes, sources } = profile;
  const feeds = feedLinksFor("state", state.iso3, state.name);
  return (
    <Layout
      title={state.name}
      path="/states"
      description={`${state.name}: UN regional group, memberships, cyber strategy and processes`}
      shareImage={props.shareImage}
      head={
        <>
          <AlternateLinks links={feeds} />
          <InternationalLawStyles />
        </>
      }
    >
      <nav aria-label="Breadcrumb" class="breadcrumb">
        <a href="/states">States</a> › {state.name}
      </nav>
      <h1>{state.name}</h1>
      <p class="lede">{state.officialName}</p>
      <dl class="facts">
        <dt>UN status</dt>
        <dd>
          {state.unStatus === "member"
            ? "Member State"
            : state.unStatus === "observer"
              ? "Non-member observer State"
              : "Not a UN Member State"}
        </dd>
        <dt>UN regional group</dt>
        <dd>
          {state.unRegionalGroup ? (
            <a href={`/states?group=${state.unRegionalGroup}`}>{UN_REGIONAL_GROUP_LABELS[state.unRegionalGroup]}</a>
          ) : (
            "—"
          )}
        </dd>
        <dt>ISO codes</dt>
        <dd>
          {state.iso3} / {state.iso2}
        </dd>
        {props.alsoKnownAs.length ? (
          <>
            <dt>Also known as</dt>
            {/* "; " because some names hold a comma ("Korea, Republic of"). */}
            <dd>{props.alsoKnownAs.join("; ")}</dd>
          </>
        ) : null}
        {state.unGaNames.length ? (
          <>
            <dt>Name in GA voting records</dt>
            <dd>{state.unGaNames.join(", ")}</dd>
          </>
        ) : null}
        <dt>First national cybersecurity strategy</dt>
        <dd>
          {strategy?.firstAdopted ? (
            <>
              <DateText value={strategy.firstAdopted} /> ({strategy.strategiesTotal} strateg
              {strategy.strategiesTotal === 1 ? "y" : "ies"} adopted 2000–2024)
            </>
          ) : strategy ? (
            "none adopted by 2024"
          ) : (
            "no data"
          )}
        </dd>
      </dl>
      <section aria-labelledby="processes-heading">
        <h2 id="processes-heading">UN cyber processes</h2>
        {processes.length === 0 ? (
          <p>No recorded participation.</p>
        ) : (
          <ul class="plain">
            {processes.map((p) => (
              <li>
                <a href={`/processes/${p.processId}`}>{p.shortName}</a> (<DateText value={p.start} />
                {" – "}
                <DateText value={p.end} fallback="ongoing" />){" — "}
                {p.role === "chair"
                  ? "chaired"
                  : p.role === "member"
                    ? "member of the group"
                    : "open to all Member States"}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="memberships-heading">
        <h2 id="memberships-heading">Memberships ({memberships.length})</h2>
        <ul class="columns">
          {memberships.map((m) => (
            <li>
              <a href={`/states?organization=${m.organizationId}`}>{m.organizationName}</a>
              {m.role !== "member" ? ` (${m.role})` : ""}
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="international-law">
        <h2 id="international-law">Positions on international law ({internationalLaw.positions.length})</h2>
        {internationalLaw.positions.length === 0 ? (
          <p>
            No published position in our data. <a href="/international-law">The list</a> is not complete: positions not
            yet checked against a source are not in it.
          </p>
        ) : (
          <ol class="positions plain">
            {internationalLaw.positions.map((p) => (
              <PositionItem position={p} />
            ))}
          </ol>
        )}
      </section>
      <section aria-labelledby="treaties-heading">
        <h2 id="treaties-heading">Treaties</h2>
        <StateTreatyStatus stateIso3={state.iso3} treaties={internationalLaw.treaties} />
      </section>
      <StateIndicatorList stateIso3={state.iso3} values={props.indicators} />
      <StateImplementationSections data={implementation} stateName={state.name} />
      <nav aria-label={`More on ${state.name}`} class="record-sections">
        <ul class="plain">
          <li>
            <a href={`/states/${state.iso3}/votes`}>Voting record and agreement with other States</a>
          </li>
          <li>
            <a href={`/search?state=${state.iso3}`}>Documents that mention {state.name}</a>
          </li>
        </ul>
      </nav>
      <RecordUpdates updates={updates} feedHref={feeds[0]!.href} />
      <SubscribeLinks links={feeds} follow={{ kind: "state", id: state.iso3, name: state.name }} />
      <SourceList sources={sources} />
    </Layout>
  );
}
