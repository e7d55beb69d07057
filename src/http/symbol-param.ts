// Reads a UN symbol from a query parameter or form field, for every page and API route alike: short (73/187,
// ES-10/19, 74/232 B) or in full (A/RES/73/187), in any case, with spaces around the slashes.
import { normalizeSymbol, resolutionSymbolFromShortForm } from "../domain/symbols.js";

/** Longer text is never a symbol. */
export const SYMBOL_PARAM_MAX_LENGTH = 200;
export const SYMBOL_PARAM_HINT = "Type a symbol, short (74/247) or in full (A/RES/74/247).";

const SHORT_RESOLUTION = /^(ES-\d{1,2}|\d{1,4})\/(\d{1,4})((?: [A-Z](?:-[A-Z])?)?)$/;

/** The text as a symbol is written: one space at most, none around slashes, upper case. */
function cleanSymbolText(input: string): string {
  return input
    .normalize("NFKC")
    .replace(/\s+/g, " ")
    .replace(/ ?\/ ?/g, "/")
    .trim()
    .toUpperCase();
}

/** The normalised symbol a reader means ("73/187", "a/res/73/187", "A / RES / 73 / 187" → A/RES/73/187), or null. */
export function parseSymbolParam(input: string): string | null {
  if (input.length > SYMBOL_PARAM_MAX_LENGTH) return null;
  const text = cleanSymbolText(input);
  const short = SHORT_RESOLUTION.exec(text);
  if (short) {
    const symbol = resolutionSymbolFromShortForm(`${short[1]}/${short[2]}`);
    return symbol && short[3] ? normalizeSymbol(`${symbol}${short[3]}`) : symbol;
  }
  return normalizeSymbol(text);
}

/**
 * The vote event a reader means: the symbol when the text is one (events on a symbol are keyed by it), else the text
 * in the case ids are written in — RC-319 for roll calls without a UN symbol, A/RES/2625(XXV) for old resolutions.
 */
export function voteEventIdParam(input: string): string {
  const symbol = parseSymbolParam(input);
  if (symbol) return symbol;
  const text = input.trim().slice(0, SYMBOL_PARAM_MAX_LENGTH);
  return /^(rc-\d+|a\/)/i.test(text) ? cleanSymbolText(text) : text;
}

/** What a page says for symbols that match no vote, e.g. No recorded vote matches “73/999”. Type a symbol… */
export function unknownVoteMessage(inputs: string[]): string {
  return `${inputs.map((u) => `No recorded vote matches “${u.trim().slice(0, SYMBOL_PARAM_MAX_LENGTH)}”.`).join(" ")} ${SYMBOL_PARAM_HINT}`;
}
