// SQL for partial dates: the last day a stored (date, precision) pair can mean, for range and "running now" tests.
import { sql, type AnyColumn, type SQL } from "drizzle-orm";

/** The last day the value can mean: the date itself (day), the month's or the year's last day. */
export function lastDaySql(date: AnyColumn | SQL, precision: AnyColumn | SQL): SQL<string> {
  return sql<string>`(CASE ${precision}
    WHEN 'year' THEN (date_trunc('year', ${date}) + interval '1 year - 1 day')::date
    WHEN 'month' THEN (date_trunc('month', ${date}) + interval '1 month - 1 day')::date
    ELSE ${date} END)`;
}
