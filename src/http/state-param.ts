// Reads a State from a query parameter or form field, for every page and API route alike: its ISO3 code in any case
// or a name (France, fra, "Côte d'Ivoire", Türkiye, Bosnia), and the words that say so when none matches.
import { z } from "@hono/zod-openapi";
import type { Db } from "../db/client.js";
import { findStateIso3 } from "../db/state-names.js";
import type { ListWindow } from "../db/list-order.js";
import { listStates } from "../db/states.js";
import type { State, StateFilter } from "../domain/state.js";
import { InvalidInputError } from "../domain/errors.js";

/** Longer text is never a State's name; a page says it matches none, an API schema refuses it. */
export const STATE_PARAM_MAX_LENGTH = 100;
/** The placeholder of a State field: a reader sees that a name or a code works. */
export const STATE_PLACEHOLDER = "France or FRA";
export const STATE_PARAM_HINT = "Type a name (France) or a code (FRA).";

/** A State query parameter of the JSON API, documented as taking a name or a code; empty means absent. */
export function stateQueryParam(description: string, example = "FRA") {
  return z
    .string()
    .trim()
    .max(STATE_PARAM_MAX_LENGTH)
    .optional()
    .openapi({ description: `${description}: an ISO3 code in any case (FRA, fra) or a name (France)`, example });
}

/** What a page says for State fields that match no State, e.g. No State matches “Atlantis”. Type a name… */
export function unknownStateMessage(inputs: string[]): string {
  return `${inputs.map((u) => `No State matches “${shorten(u)}”.`).join(" ")} ${STATE_PARAM_HINT}`;
}

/**
 * The ISO3 codes of a page's State fields, in order (undefined where a field is empty, null where it matches no State),
 * and the texts that matched none, for the page to say beside its form.
 */
export async function resolveStateFields(
  db: Db,
  inputs: (string | undefined)[],
): Promise<{ codes: (string | null | undefined)[]; unknown: string[] }> {
  const codes: (string | null | undefined)[] = [];
  const unknown: string[] = [];
  for (const input of inputs) {
    const text = input?.trim();
    if (!text) {
      codes.push(undefined);
      continue;
    }
    const iso3 = await findStateIso3(db, text);
    codes.push(iso3);
    if (!iso3) unknown.push(text);
  }
  return { codes, unknown };
}

/** The ISO3 code of an API State parameter (undefined when absent), or a 400 that names the value and the parameter. */
export async function requireStateParam(db: Db, input: string | undefined, param: string): Promise<string | undefined> {
  const text = input?.trim();
  if (!text) return undefined;
  const iso3 = await findStateIso3(db, text);
  if (!iso3) throw unknownStateError(text, param);
  return iso3;
}

/** The API's 400 for a State parameter that matches no State, naming the value and the parameter. */
export function unknownStateError(input: string, param: string): InvalidInputError {
  return new InvalidInputError(`No State matches “${shorten(input)}”: give an ISO3 code (FRA) or a name (France)`, [
    { path: param, message: "no State by that name or code" },
  ]);
}

function shorten(text: string): string {
  return text.length > STATE_PARAM_MAX_LENGTH ? `${text.slice(0, STATE_PARAM_MAX_LENGTH)}…` : text;
}

/**
 * The States a free-text filter finds: those whose name, code or UN spelling contains the text, else the one State the
 * text names in another form (without accents, "cote divoire", "St Lucia", "Bosnia").
 */
export async function listStatesMatching(
  db: Db,
  filter: StateFilter,
  page?: ListWindow,
): Promise<{ items: State[]; total: number }> {
  const found = await listStates(db, filter, page);
  if (found.total > 0 || !filter.query) return found;
  const iso3 = await findStateIso3(db, filter.query);
  if (!iso3) return found;
  // The other filters still apply, `since` among them (every State fits in one window).
  const every = page ? { ...page, limit: 1_000, offset: 0 } : undefined;
  const items = (await listStates(db, { ...filter, query: undefined }, every)).items.filter((s) => s.iso3 === iso3);
  return { items: page ? items.slice(page.offset, page.offset + page.limit) : items, total: items.length };
}
