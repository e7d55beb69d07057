// PostgreSQL enums, each derived from its list in src/domain/vocabulary.ts.
import { pgEnum } from "drizzle-orm/pg-core";
import * as v from "../../domain/vocabulary.js";

export const unRegionalGroup = pgEnum("un_regional_group", v.UN_REGIONAL_GROUPS);
export const unStatus = pgEnum("un_status", v.UN_STATUSES);
export const datePrecision = pgEnum("date_precision", v.DATE_PRECISIONS);
export const confidence = pgEnum("confidence", v.CONFIDENCE_LEVELS);
export const processKind = pgEnum("process_kind", v.PROCESS_KINDS);
export const sessionKind = pgEnum("session_kind", v.SESSION_KINDS);
export const decisionRecordType = pgEnum("decision_record_type", v.DECISION_RECORD_TYPES);
export const adoptionMethod = pgEnum("adoption_method", v.ADOPTION_METHODS);
export const resolutionTopic = pgEnum("resolution_topic", v.RESOLUTION_TOPICS);
export const organizationClassification = pgEnum("organization_classification", v.ORGANIZATION_CLASSIFICATIONS);
export const frameworkKind = pgEnum("framework_kind", v.FRAMEWORK_KINDS);
export const sourceKind = pgEnum("source_kind", v.SOURCE_KINDS);
export const recordKind = pgEnum("record_kind", v.RECORD_KINDS);
