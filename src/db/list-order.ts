// The SQL side of the API lists' `sort` and `since` (issue 18): an order chosen from a per-list allow-list of
// columns, always ended by a unique tie-breaker so pages never overlap or skip, and "changed after" on updated_at.
// Values come in as bound parameters; column names only ever from the allow-lists below each list query.
import { sql, type SQL, type SQLWrapper } from "drizzle-orm";
import { InvalidInputError } from "../domain/errors.js";

/** One sort key of a list's allow-list, and its direction. */
export interface ListOrder {
  key: string;
  descending: boolean;
}

/** One page of a list, optionally in another order and only with records changed after `since`. */
export interface ListWindow {
  limit: number;
  offset: number;
  order?: ListOrder | undefined;
  since?: Date | undefined;
}

/** A list's sort keys and the expression each orders by (e.g. `{ name: states.name, updated: states.updatedAt }`). */
export type SortColumns = Readonly<Record<string, SQLWrapper>>;

/**
 * The ORDER BY of a list: `fallback` (the list's usual order) when no order was asked for, otherwise the chosen
 * column (empty values last in either direction) and then `tieBreakers`, a unique key, ascending.
 */
export function orderByOf(
  columns: SortColumns,
  order: ListOrder | undefined,
  fallback: SQL[],
  tieBreakers: SQLWrapper[],
): SQL[] {
  if (!order) return fallback;
  const column = columns[order.key];
  if (!column) throw new InvalidInputError(`cannot sort by ${order.key}; allowed: ${Object.keys(columns).join(", ")}`);
  const direction = order.descending ? sql.raw("DESC") : sql.raw("ASC");
  return [sql`${column} ${direction} NULLS LAST`, ...tieBreakers.map((c) => sql`${c} ASC`)];
}

/** Records whose `updated_at` is later than `since` (no condition without it). */
export function changedSince(updatedAt: SQLWrapper, since: Date | undefined): SQL | undefined {
  return since ? sql`${updatedAt} > ${since.toISOString()}::timestamptz` : undefined;
}
