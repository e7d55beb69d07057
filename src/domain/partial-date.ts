// Dates that sources give only to the month or year: parsed, ordered and shown without inventing a day.
import type { DatePrecision } from "./vocabulary.js";
import { InvalidInputError } from "./errors.js";

export interface PartialDate {
  /** ISO date of the first day the value can mean (YYYY-MM-DD). */
  date: string;
  precision: DatePrecision;
}

const PATTERN = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; blank gives null. */
export function parsePartialDate(text: string | null | undefined): PartialDate | null {
  const value = (text ?? "").trim();
  if (value === "") return null;
  const match = PATTERN.exec(value);
  if (!match) throw new InvalidInputError(`not a date (YYYY, YYYY-MM or YYYY-MM-DD): "${value}"`);
  const [, year, month, day] = match;
  const m = month ?? "01";
  const d = day ?? "01";
  const probe = new Date(`${year}-${m}-${d}T00:00:00Z`);
  if (Number.isNaN(probe.getTime()) || probe.toISOString().slice(0, 10) !== `${year}-${m}-${d}`) {
    throw new InvalidInputError(`not a calendar date: "${value}"`);
  }
  return { date: `${year}-${m}-${d}`, precision: day ? "day" : month ? "month" : "year" };
}

/** The text form at the stored precision: `2019`, `2019-06` or `2019-06-03`. */
export function formatPartialDateIso(value: PartialDate): string {
  if (value.precision === "year") return value.date.slice(0, 4);
  if (value.precision === "month") return value.date.slice(0, 7);
  return value.date;
}

/** English month names, January first: partial dates are shown and UN texts date themselves with them. */
export const MONTH_NAMES = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/** Human form: `2019`, `June 2019` or `3 June 2019`. */
export function formatPartialDate(value: PartialDate): string {
  const year = value.date.slice(0, 4);
  const month = MONTH_NAMES[Number(value.date.slice(5, 7)) - 1] ?? "";
  if (value.precision === "year") return year;
  if (value.precision === "month") return `${month} ${year}`;
  return `${Number(value.date.slice(8, 10))} ${month} ${year}`;
}

/** The last day a partial date can mean, for overlap tests ("running now"). */
export function lastDayOf(value: PartialDate): string {
  const [y, m] = [Number(value.date.slice(0, 4)), Number(value.date.slice(5, 7))];
  if (value.precision === "day") return value.date;
  if (value.precision === "year") return `${y}-12-31`;
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${value.date.slice(0, 7)}-${String(last).padStart(2, "0")}`;
}
