// `sort` and `since` on the API's lists (issue 18), one definition for every list: `sort` takes one key of the list's
// own allow-list, a leading `-` for descending (an unknown value is a 400 naming the allowed ones); `since` takes an
// ISO 8601 instant (a date, or a date-time with its zone) and keeps records whose updated_at is later.
// The SQL side is db/list-order.ts.
import { z } from "@hono/zod-openapi";
import type { ListOrder, ListWindow, SortColumns } from "../db/list-order.js";
import { toPage } from "./pagination.js";

/** A date, or a date-time with seconds optional, fractions allowed, and a zone (Z or ±hh:mm): never a local time. */
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2}))?$/;

/** The instant an ISO 8601 `since` value names (a bare date: its midnight UTC), or null when it names none. */
export function parseSince(value: string): Date | null {
  if (!ISO_INSTANT.test(value)) return null;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return null;
  // A day that does not exist ("2026-02-30" would read as 2 March) names no instant.
  const [year, month, day] = value.slice(0, 10).split("-").map(Number) as [number, number, number];
  const calendar = new Date(Date.UTC(year, month - 1, day));
  if (calendar.getUTCMonth() !== month - 1 || calendar.getUTCDate() !== day) return null;
  return date;
}

export const SINCE_DESCRIPTION =
  "only records changed after this instant (ISO 8601: 2026-11-01, 2026-11-01T09:00:00Z or with an offset, " +
  "+01:00); 'changed' means created or edited in this instance (imports, editors); deleted records are not listed. " +
  "Pass the time of your previous request less a few minutes, as a write in progress is stamped when it began";

/** The `since` query parameter, on lists whose table keeps updated_at. */
export const SinceParam = z
  .string()
  .refine((value) => parseSince(value) !== null, {
    message: "an ISO 8601 date or date-time with a time zone, e.g. 2026-11-01 or 2026-11-01T09:00:00Z",
  })
  .optional()
  .openapi({ description: SINCE_DESCRIPTION, example: "2026-11-01T00:00:00Z" });

export interface SortSpec {
  /** The list's sort keys (each also with a leading `-` for descending), from its db module. */
  sorts: SortColumns;
  /** The order without `sort`, in words, e.g. "by name". */
  usualOrder: string;
  /** The unique key that breaks ties, in words, e.g. "ISO code". */
  tieBreaker: string;
}

/** The sort values a list accepts: each key, and each key with a leading `-`. */
export function sortValuesOf(sorts: SortColumns): string[] {
  return Object.keys(sorts).flatMap((key) => [key, `-${key}`]);
}

/** The `sort` query parameter of one list: its allow-list, documented, and a 400 naming it for anything else. */
export function sortParam(spec: SortSpec) {
  const values = sortValuesOf(spec.sorts);
  return z
    .enum(values as [string, ...string[]], { error: () => `unknown sort; allowed: ${values.join(", ")}` })
    .optional()
    .openapi({
      description: `order by one of ${values.join(", ")} (a leading - is descending; empty values last; ties by ${spec.tieBreaker}); without it: ${spec.usualOrder}`,
    });
}

/** The order a `sort` value asks for, or undefined for the list's usual order. */
export function listOrderOf(sort: string | undefined): ListOrder | undefined {
  if (!sort) return undefined;
  return sort.startsWith("-") ? { key: sort.slice(1), descending: true } : { key: sort, descending: false };
}

/** Page, order and since of a validated list query, for the db list functions. */
export function toListWindow(query: {
  page: number;
  per_page: number;
  sort?: string | undefined;
  since?: string | undefined;
}): ListWindow {
  const since = query.since ? (parseSince(query.since) ?? undefined) : undefined;
  return { ...toPage(query), order: listOrderOf(query.sort), since };
}
