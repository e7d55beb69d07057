// Treaty pages: the treaties whose status we hold, and one treaty with a map and a table of its sourced signatures
// and ratifications, each row as of its own page's date, and "partial" said plainly where the rows are incomplete.
import { Hono } from "hono";
import { listMapStates } from "../../db/evidence.js";
import { getTreaty, listTreaties, listTreatyActions } from "../../db/international-law.js";
import {
  latestActionPerParty,
  summarizeTreaty,
  type Treaty,
  type TreatyAction,
} from "../../domain/international-law.js";
import { TREATY_ACTION_KIND_LABELS } from "../../domain/vocabulary.js";
import type { AppDeps } from "../../http/deps.js";
import type { MapState } from "../components/evidence-map.js";
import {
  CategoryMap,
  dayText,
  InternationalLawStyles,
  SourceLinks,
  TreatySummaryBox,
} from "../components/international-law.js";
import { RecordEditorialLinks } from "../components/history.js";
import { DateText } from "../components/partial-date.js";
import { ResolutionLink } from "../components/resolution-link.js";
import { SourceList } from "../components/sources.js";
import { Layout } from "../layout.js";

export function treatiesPages(deps: AppDeps) {
  const app = new Hono();
  app.get("/", async (c) => {
    const [treaties, actions] = [await listTreaties(deps.db), await listTreatyActions(deps.db)];
    return c.html(
      <TreatyListPage
        treaties={treaties.map((treaty) => ({ treaty, actions: actions.filter((a) => a.treatyId === treaty.id) }))}
      />,
    );
  });
  app.get("/:id{[a-z0-9-]+}", async (c) => {
    const treaty = await getTreaty(deps.db, c.req.param("id"));
    const [actions, states] = [await listTreatyActions(deps.db, { treatyId: treaty.id }), await listMapStates(deps.db)];
    return c.html(<TreatyPage treaty={treaty} actions={actions} states={states} />);
  });
  return app;
}

function TreatyListPage(props: { treaties: { treaty: Treaty; actions: TreatyAction[] }[] }) {
  return (
    <Layout
      title="Treaties"
      path="/treaties"
      description="Status of cybercrime treaties: signatures and ratifications, each as of its source's date"
      head={<InternationalLawStyles />}
    >
      <h1>Treaties</h1>
      <p class="lede">
        Signatures, ratifications and accessions as the status pages we read showed them. Each row keeps the date of its
        page; where our rows are incomplete we say so.
      </p>
      {props.treaties.map(({ treaty, actions }) => (
        <TreatySummaryBox treaty={treaty} actions={actions} />
      ))}
    </Layout>
  );
}

const CATEGORIES = [
  { key: "consented", label: "Ratified, acceded, accepted or approved (sourced row)" },
  { key: "signed", label: "Signed only (sourced row)" },
];

function TreatyPage(props: { treaty: Treaty; actions: TreatyAction[]; states: MapState[] }) {
  const { treaty, actions } = props;
  const latest = latestActionPerParty(actions);
  const summary = summarizeTreaty(actions);
  const categoryOf = new Map(
    latest.flatMap((a) =>
      a.stateIso3 ? [[a.stateIso3, a.kind === "signature" ? "signed" : "consented"] as [string, string]] : [],
    ),
  );
  const earlier = actions.filter((a) => !latest.includes(a));
  return (
    <Layout
      title={treaty.shortTitle}
      path="/treaties"
      description={`${treaty.shortTitle}: signatures and ratifications with their sources and as-of dates`}
      head={<InternationalLawStyles />}
    >
      <nav aria-label="Breadcrumb" class="breadcrumb">
        <a href="/treaties">Treaties</a> › {treaty.shortTitle}
      </nav>
      <h1>{treaty.shortTitle}</h1>
      <p class="lede">{treaty.title}</p>
      <dl class="facts">
        {treaty.resolutionSymbol ? (
          <>
            <dt>Adopted by</dt>
            <dd>
              <ResolutionLink symbol={treaty.resolutionSymbol} />
            </dd>
          </>
        ) : null}
        {treaty.processId ? (
          <>
            <dt>Negotiated by</dt>
            <dd>
              <a href={`/processes/${treaty.processId}`}>the Ad Hoc Committee on cybercrime</a>
            </dd>
          </>
        ) : null}
        {treaty.depositary ? (
          <>
            <dt>Depositary status page</dt>
            <dd>
              {treaty.statusUrl ? (
                <a href={treaty.statusUrl} rel="external noopener">
                  {treaty.depositary}
                </a>
              ) : (
                treaty.depositary
              )}
            </dd>
          </>
        ) : null}
        <dt>As of</dt>
        <dd>
          {summary.asOf
            ? summary.asOf.from === summary.asOf.to
              ? dayText(summary.asOf.from)
              : `${dayText(summary.asOf.from)} to ${dayText(summary.asOf.to)}: each row is as of the date of the page it comes from`
            : "no rows"}
        </dd>
      </dl>
      {treaty.isStatusPartial ? (
        <div class="notice partial-status" role="note">
          <p>
            <strong>Partial status.</strong> {treaty.coverageNote}
          </p>
        </div>
      ) : (
        <p>{treaty.coverageNote}</p>
      )}
      <p>
        {summary.parties} parties with a sourced row: {summary.signedOnly} signature
        {summary.signedOnly === 1 ? "" : "s"} only, {summary.consented} with consent to be bound.{" "}
        <a href={`/api/v1/treaties/${treaty.id}/actions?format=csv`}>Download as CSV</a> ·{" "}
        <a href={`/api/v1/treaties/${treaty.id}`}>JSON API</a>
      </p>
      <CategoryMap
        id="treaty-map"
        states={props.states}
        categoryOf={categoryOf}
        categories={CATEGORIES}
        noneLabel={treaty.isStatusPartial ? "No sourced row: status unknown" : "No action shown"}
        caption={`${treaty.shortTitle}: latest sourced row per State.`}
      />
      <section aria-labelledby="actions-heading">
        <h2 id="actions-heading">Parties with a sourced row ({latest.length})</h2>
        <div class="table-wrap">
          <table class="treaty-table">
            <caption>{treaty.shortTitle}: latest sourced row per party</caption>
            <thead>
              <tr>
                <th scope="col">State or organisation</th>
                <th scope="col">Action</th>
                <th scope="col">Signed</th>
                <th scope="col">Consent to be bound</th>
                <th scope="col">As of</th>
                <th scope="col">Sources</th>
              </tr>
            </thead>
            <tbody>
              {latest.map((a) => (
                <ActionRow action={a} />
              ))}
            </tbody>
          </table>
        </div>
      </section>
      {earlier.length ? (
        <section aria-labelledby="earlier-heading">
          <h2 id="earlier-heading">Earlier snapshots ({earlier.length})</h2>
          <p>Rows from older status pages of parties that also have a later row; kept, not merged.</p>
          <div class="table-wrap">
            <table class="treaty-table">
              <caption>Earlier snapshots</caption>
              <tbody>
                {earlier.map((a) => (
                  <ActionRow action={a} />
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}
      <SourceList sources={treaty.sources} />
    </Layout>
  );
}

function ActionRow(props: { action: TreatyAction }) {
  const a = props.action;
  return (
    <tr id={a.stateIso3 ?? a.organizationId ?? undefined}>
      <th scope="row">{a.stateIso3 ? <a href={`/states/${a.stateIso3}`}>{a.partyName}</a> : a.partyName}</th>
      <td>
        {a.kind === "signature" ? "Signature only" : TREATY_ACTION_KIND_LABELS[a.kind]}
        {a.confidence === "medium" ? <span class="muted"> (medium confidence)</span> : null}
      </td>
      <td>
        <DateText value={a.signedOn} fallback="—" />
      </td>
      <td>
        <DateText value={a.consentOn} fallback="—" />
      </td>
      <td>
        {dayText(a.asOf)}
        {a.isAsOfLowerBound ? <span class="muted"> or later (no status date on the page)</span> : null}
      </td>
      <td>
        <SourceLinks sources={a.sources}>
          {a.notes ? <p class="meta">{a.notes}</p> : null}
          <RecordEditorialLinks kind="treaty-action" id={a.id} />
        </SourceLinks>
      </td>
    </tr>
  );
}
