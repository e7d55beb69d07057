// Plain text with the UN symbols, GA decisions and norm references it names turned into links (domain/text-links.ts),
// only to pages that exist. The text stays text: hono/jsx escapes every piece, so data can never become markup.
// Use it on text that is not already inside a link.
import { linkText, type KnownLinkTargets } from "../../domain/text-links.js";

export function LinkedText(props: { text: string; links?: KnownLinkTargets | undefined; currentHref?: string }) {
  if (!props.links) return <>{props.text}</>;
  const pieces = linkText(props.text, props.links, props.currentHref);
  return <>{pieces.map((p) => (typeof p === "string" ? p : <a href={p.href}>{p.text}</a>))}</>;
}
