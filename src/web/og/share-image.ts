// Share previews (issue 17): a 1200×630 card with the page's title and its world map, drawn as SVG from the same
// shapes as the pages' maps (components/world-map.tsx) and rendered to PNG with resvg, since social sites read no SVG.
import { Resvg } from "@resvg/resvg-js";
import { HEIGHT as MAP_HEIGHT, loadShapes, WIDTH as MAP_WIDTH } from "../components/world-map.js";

export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;

/** A State on the card's map: its shape (by ISO numeric code) or, when too small for one, a dot at its coordinates. */
export interface CardPlace {
  isoNumeric: string | null;
  latitude: number | null;
  longitude: number | null;
  /** A colour, or HATCH for the hatched "absent" of the vote map. */
  fill: string;
  /** Whether a State without a shape is drawn as a dot (the evidence map leaves out States without evidence). */
  hasDot: boolean;
  /** A ring around it: the State a State page is about. */
  isMarked?: boolean;
}

export interface ShareCard {
  title: string;
  subtitle: string;
  places: CardPlace[];
  /** Fill of the shapes no place names (non-voters, States without evidence, the rest of the world). */
  otherFill: string;
  legend: { fill: string; label: string }[];
}

export const HATCH = "hatch";
const FONT = "DejaVu Sans, Liberation Sans, Arial, sans-serif";
const MAP_TOP = 236;
const MAP_SCALE = (CARD_HEIGHT - MAP_TOP - 24) / MAP_HEIGHT;
const MAP_LEFT = 40;

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/**
 * Splits a title into at most `maxLines` lines of about `maxChars` characters (the renderer has no text wrapping),
 * ending the last with "…" when the text is longer.
 */
export function wrapText(text: string, maxChars: number, maxLines: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.trim().split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (next.length <= maxChars) {
      line = next;
      continue;
    }
    if (line) lines.push(line);
    line = word;
  }
  if (line) lines.push(line);
  const fitted = lines.map((l) => (l.length > maxChars ? `${l.slice(0, maxChars - 1)}…` : l));
  if (fitted.length <= maxLines) return fitted;
  const kept = fitted.slice(0, maxLines);
  const last = kept[maxLines - 1]!;
  kept[maxLines - 1] = last.endsWith("…") ? last : `${last.slice(0, maxChars - 1)}…`;
  return kept;
}

function fillAttr(fill: string): string {
  return fill === HATCH ? "url(#hatch)" : fill;
}

/** The card as SVG: title, subtitle, the map with fills given inline (no stylesheet), and the legend. */
export function composeShareCard(card: ShareCard): string {
  const { paths, project } = loadShapes();
  const byNumeric = new Map(card.places.filter((p) => p.isoNumeric).map((p) => [p.isoNumeric!, p]));
  const shapes = [...paths.entries()].map(([numeric, d]) => {
    const place = byNumeric.get(numeric);
    const marked = place?.isMarked ? ' stroke="#111" stroke-width="1.6"' : "";
    return `<path d="${d}" fill="${fillAttr(place?.fill ?? card.otherFill)}"${marked}/>`;
  });
  const dots = card.places
    .filter((p) => p.hasDot && (!p.isoNumeric || !paths.has(p.isoNumeric)))
    .map((p) => {
      const at = p.latitude !== null && p.longitude !== null ? project(p.longitude, p.latitude) : null;
      if (!at) return "";
      const r = p.isMarked ? 7 : 3.5;
      return `<circle cx="${at[0].toFixed(1)}" cy="${at[1].toFixed(1)}" r="${r}" fill="${fillAttr(p.fill)}" stroke="#333" stroke-width="${p.isMarked ? 1.6 : 0.6}"/>`;
    });
  const rings = card.places
    .filter((p) => p.isMarked && p.latitude !== null && p.longitude !== null)
    .map((p) => {
      const at = project(p.longitude!, p.latitude!);
      return at
        ? `<circle cx="${at[0].toFixed(1)}" cy="${at[1].toFixed(1)}" r="22" fill="none" stroke="#111" stroke-width="3"/>`
        : "";
    });
  const title = wrapText(card.title, 36, 2);
  // Two title lines are set smaller, so that the subtitle still clears the map.
  const titleSize = title.length > 1 ? 42 : 48;
  const subtitleY = 118 + (title.length - 1) * 50 + 44;
  const mapWidth = MAP_WIDTH * MAP_SCALE;
  const legendX = MAP_LEFT + mapWidth + 36;
  const legendLabelChars = Math.floor((CARD_WIDTH - legendX - 40 - 40) / 13);
  const legend = card.legend.map((entry, i) => {
    const y = MAP_TOP + 40 + i * 50;
    return (
      `<rect x="${legendX}" y="${y - 24}" width="30" height="30" fill="${fillAttr(entry.fill)}" stroke="#555" stroke-width="1.5"/>` +
      `<text x="${legendX + 42}" y="${y}" font-size="24">${escapeXml(wrapText(entry.label, legendLabelChars, 1)[0] ?? "")}</text>`
    );
  });
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${CARD_WIDTH}" height="${CARD_HEIGHT}" viewBox="0 0 ${CARD_WIDTH} ${CARD_HEIGHT}">`,
    `<defs><pattern id="hatch" width="4" height="4" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="4" height="4" fill="#fff"/><rect width="1.5" height="4" fill="#6b6b6b"/></pattern></defs>`,
    `<rect width="${CARD_WIDTH}" height="${CARD_HEIGHT}" fill="#ffffff"/>`,
    `<rect width="${CARD_WIDTH}" height="10" fill="#1f4e8c"/>`,
    `<g font-family="${FONT}" fill="#111">`,
    `<text x="40" y="62" font-size="26" font-weight="700" fill="#1f4e8c">Normwatch · UN cyber diplomacy</text>`,
    ...title.map(
      (line, i) =>
        `<text x="40" y="${118 + i * 50}" font-size="${titleSize}" font-weight="700">${escapeXml(line)}</text>`,
    ),
    `<text x="40" y="${subtitleY}" font-size="26" fill="#444">${escapeXml(wrapText(card.subtitle, 78, 1)[0] ?? "")}</text>`,
    ...legend,
    `</g>`,
    `<g transform="translate(${MAP_LEFT} ${MAP_TOP}) scale(${MAP_SCALE.toFixed(5)})">`,
    `<rect width="${MAP_WIDTH}" height="${MAP_HEIGHT}" fill="#eef3f8" stroke="#c8d0da" stroke-width="1.5"/>`,
    `<g stroke="#767676" stroke-width="0.5">${shapes.join("")}</g>`,
    dots.join(""),
    rings.join(""),
    `</g>`,
    `</svg>`,
  ].join("");
}

/**
 * PNG bytes of the card. Text is drawn with the machine's fonts (DejaVu Sans or Liberation Sans, e.g. Debian's
 * fonts-dejavu-core); without any, resvg leaves the text out and the map still renders.
 */
export function renderShareCard(card: ShareCard): Uint8Array {
  const resvg = new Resvg(composeShareCard(card), {
    font: { loadSystemFonts: true, defaultFontFamily: "DejaVu Sans", sansSerifFamily: "DejaVu Sans" },
    fitTo: { mode: "original" },
  });
  return new Uint8Array(resvg.render().asPng());
}
