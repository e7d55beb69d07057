// JSON API of the monthly digest: published issues only (a draft is "not found"), newest month first.
import type { AppDeps } from "../http/deps.js";
import { getPublishedDigestIssue, listDigestIssues } from "../db/digest.js";
import {
  DigestIssueListSchema,
  DigestIssueSchema,
  DigestListQuery,
  DigestSlugParam,
  presentDigestIssue,
  presentDigestIssueSummary,
} from "./digest.schemas.js";
import { paginated } from "./pagination.js";
import { createApiRouter, itemRoute, listRoute } from "./router.js";

const TAG = "Digest";

export function digestApi(deps: AppDeps) {
  const app = createApiRouter();
  const list = listRoute({
    tag: TAG,
    summary: "Published issues of the monthly digest, latest month first",
    description: "A page of digest issues",
    query: DigestListQuery,
    schema: DigestIssueListSchema,
  });
  app.openapi(list, async (c) => {
    const q = c.req.valid("query");
    // One issue a month: the whole list is small, so the page is cut from it.
    const issues = await listDigestIssues(deps.db, { status: "published" });
    const page = issues.slice((q.page - 1) * q.per_page, q.page * q.per_page);
    return c.json(paginated(page.map(presentDigestIssueSummary), issues.length, q), 200);
  });
  const one = itemRoute({
    tag: TAG,
    path: "/{slug}",
    summary: "One published digest issue: its Markdown, and its sections as Markdown and safe HTML",
    description: "The digest issue",
    params: DigestSlugParam,
    schema: DigestIssueSchema,
  });
  app.openapi(one, async (c) =>
    c.json(presentDigestIssue(await getPublishedDigestIssue(deps.db, c.req.valid("param").slug)), 200),
  );
  return app;
}
