// The editors' queue of candidate evidence detected in ingested documents: read the excerpt and the paragraph,
// then draft an evidence change from it (reviewed like any change) or dismiss it. Signed-in editors only.
import { Hono } from "hono";
import { requirePermission } from "../../http/auth.js";
import { csrfTokenFor } from "../../http/csrf.js";
import type { AppDeps } from "../../http/deps.js";
import {
  dismissEvidenceCandidate,
  draftEvidenceFromCandidate,
  listEvidenceCandidates,
  type EvidenceCandidate,
} from "../../db/evidence-candidates.js";
import { ATTRIBUTION_RULE } from "../../domain/evidence-candidates.js";
import { CANDIDATE_STATUSES, type CandidateStatus } from "../../domain/vocabulary.js";
import { CsrfInput } from "../components/forms.js";
import { Pager } from "../components/pager.js";
import { Layout } from "../layout.js";
import { baseUrlOf } from "./account.js";

const PAGE_SIZE = 50;
const STATUS_LABELS: Record<CandidateStatus, string> = {
  open: "Open",
  accepted: "Drafted as evidence",
  dismissed: "Dismissed",
};

function CandidateRow(props: { candidate: EvidenceCandidate; csrf: string }) {
  const c = props.candidate;
  const permalink = `/documents/${c.documentSlug}#${c.paragraphAnchor}`;
  return (
    <tr id={`candidate-${c.id}`}>
      <th scope="row">
        <a href={`/states/${c.stateIso3}`}>{c.stateName}</a> on <a href={`/norms/${c.itemId}`}>{c.itemCode}</a>
        <span class="meta"> {c.itemShortTitle}</span>
      </th>
      <td>
        <blockquote cite={permalink}>{c.excerpt}</blockquote>
        <a href={permalink}>
          {c.documentSlug}, {c.paragraphLabel}
        </a>
      </td>
      <td>
        {c.matchKind === "explicit" ? "explicit reference" : "topic keywords"} ({c.score.toFixed(2)})
      </td>
      <td>{c.detectedAt.toISOString().slice(0, 10)}</td>
      <td>
        {c.status === "open" ? (
          <>
            <form method="post" action={`/editor/candidates/${c.id}/draft`} class="inline">
              <CsrfInput token={props.csrf} />
              <button
                type="submit"
                aria-label={`Draft evidence: ${c.stateName} on ${c.itemCode}, ${c.documentSlug} ${c.paragraphLabel}`}
              >
                Draft evidence
              </button>
            </form>{" "}
            <form method="post" action={`/editor/candidates/${c.id}/dismiss`} class="inline">
              <CsrfInput token={props.csrf} />
              <button
                type="submit"
                aria-label={`Dismiss: ${c.stateName} on ${c.itemCode}, ${c.documentSlug} ${c.paragraphLabel}`}
              >
                Dismiss
              </button>
            </form>
          </>
        ) : c.changeId ? (
          <a href={`/editor/changes/${c.changeId}`}>Change #{c.changeId}</a>
        ) : (
          STATUS_LABELS[c.status]
        )}
      </td>
    </tr>
  );
}

export function editorCandidatesPages(deps: AppDeps) {
  const app = new Hono();
  app.get("/", async (c) => {
    requirePermission(c, "edit");
    const status = (CANDIDATE_STATUSES as readonly string[]).includes(c.req.query("status") ?? "")
      ? (c.req.query("status") as CandidateStatus)
      : "open";
    const page = Math.max(1, Math.min(100_000, Number.parseInt(c.req.query("page") ?? "1", 10) || 1));
    const { items, total } = await listEvidenceCandidates(deps.db, {
      status,
      limit: PAGE_SIZE,
      offset: (page - 1) * PAGE_SIZE,
    });
    const csrf = csrfTokenFor(c, deps);
    return c.html(
      <Layout title="Candidate evidence" path="/editor">
        <nav aria-label="Breadcrumb" class="breadcrumb">
          <a href="/editor">Editor</a> › Candidate evidence
        </nav>
        <h1>Candidate evidence</h1>
        <p>
          Found in ingested documents, never published by themselves. "Draft evidence" opens a draft evidence change
          citing the paragraph, with the cautious status "planned": check the status, kind and quote against the
          paragraph, then submit it for review.
        </p>
        <p class="meta">{ATTRIBUTION_RULE}</p>
        <nav aria-label="Candidate status">
          <ul class="plain">
            {CANDIDATE_STATUSES.map((s) => (
              <li>
                <a href={`/editor/candidates?status=${s}`} aria-current={s === status ? "page" : undefined}>
                  {STATUS_LABELS[s]}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <p role="status">
          {total} {STATUS_LABELS[status].toLowerCase()} candidate{total === 1 ? "" : "s"}
          {total > PAGE_SIZE ? `; page ${page}` : ""}.
        </p>
        {items.length ? (
          <table class="data" id="candidates">
            <caption>{STATUS_LABELS[status]} candidates, explicit references first, then by score</caption>
            <thead>
              <tr>
                <th scope="col">State and item</th>
                <th scope="col">Excerpt and paragraph</th>
                <th scope="col">Match</th>
                <th scope="col">Detected</th>
                <th scope="col">Action</th>
              </tr>
            </thead>
            <tbody>
              {items.map((candidate) => (
                <CandidateRow candidate={candidate} csrf={csrf} />
              ))}
            </tbody>
          </table>
        ) : null}
        <Pager
          page={page}
          hasNext={page * PAGE_SIZE < total}
          href={(p) => `/editor/candidates?status=${status}&page=${p}`}
        />
      </Layout>,
    );
  });
  app.post("/:id{[0-9]+}/draft", async (c) => {
    const principal = requirePermission(c, "edit");
    const change = await draftEvidenceFromCandidate(deps.db, {
      id: Number(c.req.param("id")),
      authorId: principal.user.id,
      now: deps.now(),
      siteBaseUrl: baseUrlOf(deps),
    });
    return c.redirect(`/editor/changes/${change.id}/edit`, 303);
  });
  app.post("/:id{[0-9]+}/dismiss", async (c) => {
    const principal = requirePermission(c, "edit");
    await dismissEvidenceCandidate(deps.db, {
      id: Number(c.req.param("id")),
      userId: principal.user.id,
      now: deps.now(),
    });
    return c.redirect("/editor/candidates", 303);
  });
  return app;
}
