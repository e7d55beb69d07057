// The digest as Markdown: writing the draft from composed sections (record text escaped), and reading an
// edited issue back into its title, introduction and sections for the API, the web page and the email.
import type { DigestItem, DigestSection } from "./digest.js";

/** Escapes Markdown syntax in text from records, so a title never turns into a link, emphasis or HTML. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\s+/g, " ")
    .trim()
    .replace(/[\\`*_[\]()<>!|~#]/g, (c) => `\\${c}`);
}

function linkTarget(url: string): string {
  return url.replace(/[\s()<>]/g, (c) => encodeURIComponent(c));
}

function itemLine(item: DigestItem): string {
  const parts = [
    `- **${escapeMarkdown(item.label)}, ${escapeMarkdown(item.when)}:** [${escapeMarkdown(item.title)}](${linkTarget(item.path)})`,
  ];
  if (item.detail) parts.push(`: ${escapeMarkdown(item.detail)}`);
  const extra = item.links.map((l) => `[${escapeMarkdown(l.title)}](${linkTarget(l.url)})`);
  if (item.source) extra.push(`source: [${escapeMarkdown(item.source.title)}](${linkTarget(item.source.url)})`);
  if (item.voteSource)
    extra.push(`vote: [${escapeMarkdown(item.voteSource.title)}](${linkTarget(item.voteSource.url)})`);
  if (extra.length) parts.push(` (${extra.join(" · ")})`);
  return parts.join("");
}

export function digestMarkdown(title: string, intro: string, sections: DigestSection[]): string {
  const body =
    sections.length === 0
      ? ["Nothing tracked changed in this period."]
      : sections.flatMap((s) => [`## ${s.heading}`, "", ...s.items.map(itemLine), ""]);
  return [`# ${escapeMarkdown(title)}`, "", escapeMarkdown(intro), "", ...body].join("\n").trimEnd() + "\n";
}

export interface DigestMarkdownSection {
  heading: string;
  markdown: string;
}

export interface DigestMarkdownParts {
  /** The first-level heading, if the issue has one. */
  heading: string | null;
  /** Markdown before the first section. */
  intro: string;
  sections: DigestMarkdownSection[];
}

/** Splits an issue's Markdown at its second-level headings ("## …"), outside fenced code. */
export function splitDigestMarkdown(markdown: string): DigestMarkdownParts {
  let heading: string | null = null;
  const intro: string[] = [];
  const sections: { heading: string; lines: string[] }[] = [];
  let isFenced = false;
  for (const line of markdown.replace(/\r\n?/g, "\n").split("\n")) {
    if (/^\s{0,3}(```|~~~)/.test(line)) isFenced = !isFenced;
    const h1 = isFenced ? null : /^#\s+(.+?)\s*#*\s*$/.exec(line);
    const h2 = isFenced ? null : /^##\s+(.+?)\s*#*\s*$/.exec(line);
    if (h1 && heading === null && sections.length === 0 && intro.every((l) => l.trim() === "")) heading = h1[1]!;
    else if (h2) sections.push({ heading: h2[1]!, lines: [] });
    else (sections.at(-1)?.lines ?? intro).push(line);
  }
  return {
    heading,
    intro: intro.join("\n").trim(),
    sections: sections.map((s) => ({ heading: s.heading, markdown: s.lines.join("\n").trim() })),
  };
}

/**
 * The issue with only the sections whose heading is listed (title and introduction kept), for a reader who
 * chose some themes rather than the whole digest; null when none of those sections has anything in it.
 */
export function selectDigestSections(markdown: string, headings: readonly string[]): string | null {
  const parts = splitDigestMarkdown(markdown);
  const kept = parts.sections.filter((s) => headings.includes(s.heading) && s.markdown !== "");
  if (kept.length === 0) return null;
  return [
    parts.heading === null ? null : `# ${parts.heading}`,
    parts.intro,
    ...kept.map((s) => `## ${s.heading}\n\n${s.markdown}`),
  ]
    .filter((block): block is string => block !== null && block !== "")
    .join("\n\n")
    .concat("\n");
}
