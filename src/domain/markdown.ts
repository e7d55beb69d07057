// Safe Markdown for editors' updates: markdown-it with raw HTML off, links limited to http(s), mailto and site
// paths, and external links marked nofollow. The output is the only HTML from data the pages insert unescaped.
import MarkdownIt from "markdown-it";

const SAFE_LINK = /^(https?:|mailto:|\/(?!\/)|#)/i;

const md = new MarkdownIt({ html: false, linkify: true, typographer: false });
md.validateLink = (url: string) => SAFE_LINK.test(url.trim());
const defaultLinkOpen =
  md.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
  const token = tokens[idx]!;
  if (/^https?:/i.test(String(token.attrGet("href") ?? ""))) token.attrSet("rel", "nofollow noopener external");
  return defaultLinkOpen(tokens, idx, options, env, self);
};
// Images would load third-party content on our pages: keep their alt text only.
md.renderer.rules.image = (tokens, idx) => md.utils.escapeHtml(tokens[idx]!.content);

/** Markdown → HTML with every raw HTML tag escaped and unsafe link schemes refused (left as plain text). */
export function renderMarkdown(text: string): string {
  return md.render(text);
}

/** Plain text of the Markdown, for summaries and feed descriptions. */
export function markdownToPlainText(text: string, maxLength = 280): string {
  const plain = md
    .render(text)
    .replace(/<[^>]+>/g, " ")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ")
    .trim();
  return plain.length > maxLength ? `${plain.slice(0, maxLength - 1).trimEnd()}…` : plain;
}
