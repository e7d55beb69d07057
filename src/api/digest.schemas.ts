// Request and response schemas of the digest API (published issues only), and the presenters that fill them.
import { z } from "@hono/zod-openapi";
import { splitDigestMarkdown } from "../domain/digest-markdown.js";
import type { DigestIssue } from "../domain/digest.js";
import { renderMarkdown } from "../domain/markdown.js";
import { listEnvelope, PaginationQuery } from "./pagination.js";

export const DigestListQuery = PaginationQuery;

export const DigestSlugParam = z.object({
  slug: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, "a month as YYYY-MM")
    .openapi({ param: { name: "slug", in: "path" }, example: "2019-12" }),
});

const summaryShape = {
  slug: z.string().openapi({ description: "the month, YYYY-MM", example: "2019-12" }),
  title: z.string(),
  period_start: z.string().openapi({ description: "first day of the period (ISO)" }),
  period_end: z.string().openapi({ description: "day after the period (exclusive, ISO)" }),
  published_at: z.string().openapi({ description: "ISO timestamp" }),
  page_url: z.string().openapi({ description: "the issue's page on the site" }),
  url: z.string().openapi({ description: "this issue in the API" }),
};

export const DigestIssueSummarySchema = z.object(summaryShape).openapi("DigestIssueSummary");
export const DigestIssueListSchema = listEnvelope(DigestIssueSummarySchema, "DigestIssueList");

export const DigestIssueSchema = z
  .object({
    ...summaryShape,
    body_markdown: z
      .string()
      .openapi({ description: "the issue as the editors wrote it (Markdown; raw HTML is not rendered)" }),
    intro_html: z.string().openapi({ description: "the text before the first section, as safe HTML" }),
    sections: z
      .array(
        z.object({
          heading: z.string(),
          markdown: z.string(),
          html: z
            .string()
            .openapi({ description: "safe HTML: raw HTML escaped, links limited to http(s), mailto and site paths" }),
        }),
      )
      .openapi({ description: "the issue split at its second-level headings" }),
  })
  .openapi("DigestIssue");

function publishedAt(issue: DigestIssue): string {
  return (issue.publishedAt ?? issue.updatedAt).toISOString();
}

export function presentDigestIssueSummary(issue: DigestIssue): z.infer<typeof DigestIssueSummarySchema> {
  return {
    slug: issue.slug,
    title: issue.title,
    period_start: issue.periodStart,
    period_end: issue.periodEnd,
    published_at: publishedAt(issue),
    page_url: `/digest/${issue.slug}`,
    url: `/api/v1/digest/${issue.slug}`,
  };
}

export function presentDigestIssue(issue: DigestIssue): z.infer<typeof DigestIssueSchema> {
  const parts = splitDigestMarkdown(issue.bodyMarkdown);
  return {
    ...presentDigestIssueSummary(issue),
    body_markdown: issue.bodyMarkdown,
    intro_html: renderMarkdown(parts.intro),
    sections: parts.sections.map((s) => ({
      heading: s.heading,
      markdown: s.markdown,
      html: renderMarkdown(s.markdown),
    })),
  };
}
