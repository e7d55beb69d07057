// Finds a State from what a reader types in a form: its ISO3 code, or its name (short, official, or as GA voting lists print it).
import { eq, or, sql } from "drizzle-orm";
import type { Db } from "./client.js";
import { states } from "./schema/reference.js";

/** The ISO3 code of the State a reader means ("FRA", "fra", "France", "french republic"), or null when none or several match. */
export async function findStateIso3(db: Db, input: string): Promise<string | null> {
  const text = input.trim();
  if (!text || text.length > 100) return null;
  const lower = text.toLowerCase();
  const rows = await db
    .select({ iso3: states.iso3 })
    .from(states)
    .where(
      or(
        eq(states.iso3, text.toUpperCase()),
        sql`lower(${states.name}) = ${lower}`,
        sql`lower(${states.officialName}) = ${lower}`,
        sql`${text.toUpperCase()} = ANY(${states.unGaNames})`,
      ),
    )
    .limit(2);
  return rows.length === 1 ? rows[0]!.iso3 : null;
}
