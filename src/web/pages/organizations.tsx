// Organization pages: the list of organizations, and one organization with its members linked to State profiles.
import { Hono } from "hono";
import type { AppDeps } from "../../http/deps.js";
import { getOrganizationDetail, listOrganizations } from "../../db/organizations.js";
import { SourceList } from "../components/sources.js";
import { RecordEditorialLinks } from "../components/history.js";
import { Layout } from "../layout.js";

export function organizationsPages(deps: AppDeps) {
  const app = new Hono();
  app.get("/", async (c) => {
    const organizations = await listOrganizations(deps.db);
    return c.html(
      <Layout
        title="Organizations"
        path="/organizations"
        description="Regional and intergovernmental organizations and their member States"
      >
        <h1>Organizations</h1>
        <p role="status">{organizations.length} organizations</p>
        <table class="data">
          <caption class="visually-hidden">Organizations</caption>
          <thead>
            <tr>
              <th scope="col">Organization</th>
              <th scope="col">Abbreviation</th>
              <th scope="col">Classification</th>
              <th scope="col" class="num">
                Members
              </th>
            </tr>
          </thead>
          <tbody>
            {organizations.map((o) => (
              <tr>
                <th scope="row">
                  <a href={`/organizations/${o.id}`}>{o.name}</a>
                </th>
                <td>{o.abbreviation ?? <span class="muted">—</span>}</td>
                <td>{o.classification}</td>
                <td class="num">{o.memberCount}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Layout>,
    );
  });
  app.get("/:id{[A-Za-z0-9-]+}", async (c) => {
    const { organization: o, members, sources } = await getOrganizationDetail(deps.db, c.req.param("id").toUpperCase());
    return c.html(
      <Layout title={o.name} path="/organizations" description={`${o.name}: members and sources`}>
        <nav aria-label="Breadcrumb" class="breadcrumb">
          <a href="/organizations">Organizations</a> › {o.name}
        </nav>
        <h1>{o.name}</h1>
        {o.description ? <p class="lede">{o.description}</p> : null}
        <dl class="facts">
          <dt>Classification</dt>
          <dd>{o.classification}</dd>
          {o.foundedYear ? (
            <>
              <dt>Founded</dt>
              <dd>{String(o.foundedYear)}</dd>
            </>
          ) : null}
          {o.links.length ? (
            <>
              <dt>Links</dt>
              <dd>
                {o.links.map((l, i) => (
                  <>
                    {i ? ", " : ""}
                    <a href={l} rel="external noopener">
                      {l}
                    </a>
                  </>
                ))}
              </dd>
            </>
          ) : null}
        </dl>
        <section aria-labelledby="members-heading">
          <h2 id="members-heading">Members ({members.length})</h2>
          <p>
            <a href={`/states?organization=${o.id}`}>Filter the States list by this organization</a>
          </p>
          <ul class="columns">
            {members.map((m) => (
              <li>
                {m.stateIso3 ? (
                  <a href={`/states/${m.stateIso3}`}>{m.name}</a>
                ) : (
                  <a href={`/organizations/${m.memberOrganizationId}`}>{m.name}</a>
                )}
                {m.role !== "member" ? ` (${m.role})` : ""}
                {m.isCurrent ? "" : " (former)"}
              </li>
            ))}
          </ul>
        </section>
        <SourceList sources={sources} />
        <RecordEditorialLinks kind="organization" id={o.id} />
      </Layout>,
    );
  });
  return app;
}
