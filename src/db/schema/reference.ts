// States, organizations and memberships (Popolo: organization, membership).
import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  date,
  doublePrecision,
  index,
  integer,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  unique,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { datePrecision, organizationClassification, unRegionalGroup, unStatus } from "./enums.js";

export const states = pgTable(
  "states",
  {
    iso3: text("iso3").primaryKey(),
    iso2: text("iso2").notNull(),
    isoNumeric: text("iso_numeric").notNull(),
    name: text("name").notNull(),
    officialName: text("official_name").notNull(),
    unStatus: unStatus("un_status").notNull(),
    unRegionalGroup: unRegionalGroup("un_regional_group"),
    /** Admission to the UN, only where a source gives it. */
    admittedOn: date("admitted_on"),
    /** Every spelling of the State in GA voting lists, upper case as the UN prints them. */
    unGaNames: text("un_ga_names")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /**
     * Other English names readers type (world-countries' altSpellings: "Holy See (Vatican City State)", "UK", "DPRK",
     * "Burma", "Côte d'Ivoire"), without ISO codes and names in other scripts. Found by State lookup and the search box.
     */
    alsoKnownAs: text("also_known_as")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    region: text("region"),
    subregion: text("subregion"),
    latitude: doublePrecision("latitude"),
    longitude: doublePrecision("longitude"),
    flag: text("flag"),
    /** When the row last changed: set by the touch_updated_at trigger, read by the API's since. */
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("states_iso2_idx").on(t.iso2),
    index("states_group_idx").on(t.unRegionalGroup),
    check("states_iso3_format", sql`${t.iso3} ~ '^[A-Z]{3}$'`),
  ],
);

/**
 * A State's names in the five other UN languages (issue 19), for reference detection in texts in those languages and
 * for showing the State in a page's language. From world-countries' translations, like the English names.
 */
export const stateNames = pgTable(
  "state_names",
  {
    stateIso3: text("state_iso3")
      .notNull()
      .references(() => states.iso3, { onDelete: "cascade" }),
    /** ISO 639-1 code of the language: ar, es, fr, ru or zh. */
    language: text("language").notNull(),
    name: text("name").notNull(),
    officialName: text("official_name").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.stateIso3, t.language] }),
    check("state_names_language", sql`${t.language} IN ('ar', 'es', 'fr', 'ru', 'zh')`),
  ],
);

export const organizations = pgTable("organizations", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  abbreviation: text("abbreviation"),
  classification: organizationClassification("classification").notNull(),
  blocTypes: text("bloc_types")
    .array()
    .notNull()
    .default(sql`'{}'::text[]`),
  foundedYear: integer("founded_year"),
  wikidataId: text("wikidata_id"),
  links: text("links")
    .array()
    .notNull()
    .default(sql`'{}'::text[]`),
  description: text("description"),
  /** When the row last changed: set by the touch_updated_at trigger, read by the API's since. */
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

export const memberships = pgTable(
  "memberships",
  {
    id: serial("id").primaryKey(),
    organizationId: text("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    /** The member: a State, or (for the EU in ARF or G-20) another organization. */
    stateIso3: text("state_iso3").references(() => states.iso3, { onDelete: "cascade" }),
    memberOrganizationId: text("member_organization_id").references(() => organizations.id, { onDelete: "cascade" }),
    role: text("role").notNull().default("member"),
    startDate: date("start_date"),
    startPrecision: datePrecision("start_precision"),
    endDate: date("end_date"),
    endPrecision: datePrecision("end_precision"),
    isCurrent: boolean("is_current").notNull().default(true),
  },
  (t) => [
    unique("memberships_natural_key")
      .on(t.organizationId, t.stateIso3, t.memberOrganizationId, t.role)
      .nullsNotDistinct(),
    index("memberships_state_idx").on(t.stateIso3),
    check("memberships_one_member", sql`(${t.stateIso3} IS NULL) <> (${t.memberOrganizationId} IS NULL)`),
  ],
);

/** First national cybersecurity strategy per State (Kostyuk dataset). */
export const cyberStrategyAdoptions = pgTable("cyber_strategy_adoptions", {
  stateIso3: text("state_iso3")
    .primaryKey()
    .references(() => states.iso3, { onDelete: "cascade" }),
  firstAdoptedOn: date("first_adopted_on"),
  firstAdoptedPrecision: datePrecision("first_adopted_precision"),
  /** Strategies (first and later versions) adopted 2000–2024, as published upstream. */
  strategiesTotal: integer("strategies_total").notNull(),
});
