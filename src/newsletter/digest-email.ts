// The digest issue as an email: one MJML template gives the responsive HTML part; the plain-text part comes from
// the same rendered Markdown. No images, no scripts. The footer keeps %%UNSUBSCRIBE_URL%% and %%PREFERENCES_URL%%
// for the sender to fill in per recipient. queueDigestEmail hands a published issue to the delivery queue.
import { convert } from "html-to-text";
import mjml2html from "mjml";
import type { Db } from "../db/client.js";
import { getDigestIssue } from "../db/digest.js";
import { ConflictError } from "../domain/errors.js";
import { splitDigestMarkdown } from "../domain/digest-markdown.js";
import type { DigestIssue } from "../domain/digest.js";
import { markdownToPlainText, renderMarkdown } from "../domain/markdown.js";
import {
  NEWSLETTER_TOPIC_LABELS,
  PREFERENCES_PLACEHOLDER,
  UNSUBSCRIBE_PLACEHOLDER,
  type NewsletterTopic,
} from "../domain/subscriptions.js";
import { queueDigestIssue, queueThemedDigestIssue } from "./digest-queue.js";

export interface DigestEmail {
  subject: string;
  html: string;
  text: string;
}

type EmailIssue = Pick<DigestIssue, "slug" | "title" | "bodyMarkdown">;

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

function checkedBaseUrl(baseUrl: string): string {
  const url = new URL(baseUrl);
  if (url.protocol !== "https:" && url.protocol !== "http:")
    throw new Error(`the digest's base URL must be http(s): ${baseUrl}`);
  return url.origin + url.pathname.replace(/\/$/, "");
}

/** Safe HTML of the Markdown with site paths made absolute, since an email has no site to be relative to. */
function emailHtml(markdown: string, baseUrl: string): string {
  return renderMarkdown(markdown).replace(/href="\/(?!\/)/g, `href="${escapeHtml(baseUrl)}/`);
}

interface EmailParts {
  title: string;
  preview: string;
  webUrl: string;
  introHtml: string;
  sections: { html: string }[];
}

function partsOf(issue: EmailIssue, baseUrl: string): EmailParts {
  const base = checkedBaseUrl(baseUrl);
  const parts = splitDigestMarkdown(issue.bodyMarkdown);
  return {
    title: issue.title,
    preview: markdownToPlainText(parts.intro, 140),
    webUrl: `${base}/digest/${encodeURIComponent(issue.slug)}`,
    introHtml: emailHtml(parts.intro, base),
    sections: parts.sections.map((s) => ({ html: emailHtml(`## ${s.heading}\n\n${s.markdown}`, base) })),
  };
}

const STYLE = `
  h1 { font-size: 26px; line-height: 1.25; margin: 0 0 12px; }
  h2 { font-size: 20px; line-height: 1.3; margin: 0 0 10px; }
  a { color: #0b4f8a; }
  li { margin: 0 0 10px; }
  ul { padding-left: 20px; margin: 0; }
`;

/** The MJML source of an issue: a header, one section per digest section, and the footer with the placeholders. */
function whyYouReceiveThis(themes: readonly string[] | undefined): string {
  return themes?.length
    ? `You receive this because you chose these themes of the Normwatch monthly digest: ${themes.map((t) => NEWSLETTER_TOPIC_LABELS[t as NewsletterTopic] ?? t).join(", ")}.`
    : "You receive this because you subscribed to the Normwatch monthly digest.";
}

export function digestMjml(issue: EmailIssue, options: { baseUrl: string; themes?: readonly string[] }): string {
  const p = partsOf(issue, options.baseUrl);
  const text = (html: string, attrs = "") => `<mj-text${attrs}>${html}</mj-text>`;
  const section = (body: string, attrs = ' background-color="#ffffff"') =>
    `<mj-section${attrs}><mj-column>${body}</mj-column></mj-section>`;
  return `<mjml lang="en">
  <mj-head>
    <mj-title>${escapeHtml(p.title)}</mj-title>
    <mj-preview>${escapeHtml(p.preview || p.title)}</mj-preview>
    <mj-attributes>
      <mj-all font-family="Georgia, 'Times New Roman', serif" />
      <mj-text font-size="16px" line-height="1.5" color="#1a1a1a" />
    </mj-attributes>
    <mj-style>${STYLE}</mj-style>
  </mj-head>
  <mj-body background-color="#f3f3f0" width="640px">
    ${section(text(`<p style="margin:0">Normwatch · monthly digest</p>`, ' font-size="14px" color="#555555"'), ' padding="16px 0 0"')}
    ${section(text(`<h1>${escapeHtml(p.title)}</h1>${p.introHtml}<p><a href="${escapeHtml(p.webUrl)}">Read this issue on the web</a></p>`))}
    ${p.sections.map((s) => section(text(s.html))).join("\n    ")}
    ${section(
      text(
        `<p>${escapeHtml(whyYouReceiveThis(options.themes))} Every item links to its record and its source.</p>` +
          `<p><a href="${PREFERENCES_PLACEHOLDER}">Change your preferences</a> · <a href="${UNSUBSCRIBE_PLACEHOLDER}">Unsubscribe</a></p>`,
        ' font-size="13px" color="#555555"',
      ),
      ' padding="0 0 24px"',
    )}
  </mj-body>
</mjml>`;
}

const TEXT_OPTIONS = {
  wordwrap: 78,
  selectors: [
    { selector: "a", options: { hideLinkHrefIfSameAsText: true } },
    { selector: "h2", options: { uppercase: false, leadingLineBreaks: 2, trailingLineBreaks: 1 } },
    { selector: "ul", options: { itemPrefix: " - " } },
  ],
};

function digestText(issue: EmailIssue, baseUrl: string, themes?: readonly string[]): string {
  const p = partsOf(issue, baseUrl);
  const body = [p.introHtml, ...p.sections.map((s) => s.html)]
    .map((html) => convert(html, TEXT_OPTIONS).trim())
    .filter(Boolean);
  return [
    p.title,
    "=".repeat(Math.min(p.title.length, 78)),
    "",
    `Read this issue on the web: ${p.webUrl}`,
    "",
    body.join("\n\n"),
    "",
    "-- ",
    whyYouReceiveThis(themes),
    `Change your preferences: ${PREFERENCES_PLACEHOLDER}`,
    `Unsubscribe: ${UNSUBSCRIBE_PLACEHOLDER}`,
    "",
  ].join("\n");
}

/** The issue as an email (subject, HTML and plain text) with the per-recipient placeholders in the footer. */
export async function renderDigestEmail(
  issue: EmailIssue,
  options: { baseUrl: string; themes?: readonly string[] },
): Promise<DigestEmail> {
  const result = await mjml2html(digestMjml(issue, options), { validationLevel: "soft", keepComments: false });
  if (result.errors.length > 0)
    throw new Error(
      `the digest email template does not validate: ${result.errors.map((e) => e.formattedMessage).join("; ")}`,
    );
  return { subject: issue.title, html: result.html, text: digestText(issue, options.baseUrl, options.themes) };
}

/**
 * Renders a published issue and queues one delivery per active digest reader, and for readers of some themes only
 * their sections (both keyed by
 * issue and reader, so queueing twice adds only readers not yet queued). A draft is refused.
 */
export async function queueDigestEmail(
  db: Db,
  input: { slug: string; baseUrl: string; now: Date },
): Promise<{ queued: number; alreadyQueued: number }> {
  const issue = await getDigestIssue(db, input.slug);
  if (issue.status !== "published")
    throw new ConflictError(`digest issue ${issue.slug} is a draft: publish it before sending it`);
  const email = await renderDigestEmail(issue, { baseUrl: input.baseUrl });
  const whole = await queueDigestIssue(db, { digestIssueId: issue.id, ...email }, input.now);
  const themed = await queueThemedDigestIssue(
    db,
    {
      digestIssueId: issue.id,
      markdown: issue.bodyMarkdown,
      render: (markdown, themes) =>
        renderDigestEmail({ ...issue, bodyMarkdown: markdown }, { baseUrl: input.baseUrl, themes }),
    },
    input.now,
  );
  return { queued: whole.queued + themed.queued, alreadyQueued: whole.alreadyQueued + themed.alreadyQueued };
}
