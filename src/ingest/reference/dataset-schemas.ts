// Shapes of the bundled reference files in datasets/reference, validated when they are read.
import { z } from "zod";
import * as v from "../../domain/vocabulary.js";

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const partialDate = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/);
const sourceIds = z.array(z.string().min(1)).min(1, "a record without a source does not ship");

export const SourceRecord = z.object({
  id: z.string().min(1),
  kind: z.enum(v.SOURCE_KINDS),
  title: z.string().min(1),
  url: z.string().nullable(),
  datasetPath: z.string().nullable(),
  licence: z.string().min(1),
  attribution: z.string().nullable(),
  retrievedOn: isoDate.nullable(),
});

const localName = z.object({ name: z.string().min(1), officialName: z.string().min(1) });

export const StateRecord = z.object({
  iso3: z.string().regex(/^[A-Z]{3}$/),
  iso2: z.string().regex(/^[A-Z]{2}$/),
  isoNumeric: z.string().regex(/^\d{3}$/),
  name: z.string().min(1),
  officialName: z.string().min(1),
  /** Common and official name in each of the five other UN languages (world-countries translations). */
  names: z.object({ ar: localName, es: localName, fr: localName, ru: localName, zh: localName }),
  unStatus: z.enum(v.UN_STATUSES),
  unRegionalGroup: z.enum(v.UN_REGIONAL_GROUPS).nullable(),
  admittedOn: isoDate.nullable(),
  unGaNames: z.array(z.string()),
  /** Other English names (world-countries altSpellings, without ISO codes and non-Latin scripts): "UK", "Burma". */
  alsoKnownAs: z.array(z.string().min(1)),
  region: z.string().nullable(),
  subregion: z.string().nullable(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  flag: z.string().nullable(),
  sources: sourceIds,
});

export const OrganizationRecord = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  abbreviation: z.string().nullable(),
  classification: z.enum(v.ORGANIZATION_CLASSIFICATIONS),
  blocTypes: z.array(z.string()),
  foundedYear: z.number().int().nullable(),
  wikidataId: z.string().nullable(),
  links: z.array(z.string()),
  description: z.string().nullable(),
  sources: sourceIds,
});

export const MembershipRecord = z.object({
  organizationId: z.string().min(1),
  stateIso3: z.string().nullable(),
  memberOrganizationId: z.string().nullable(),
  role: z.string().min(1),
  startDate: partialDate.nullable(),
  endDate: partialDate.nullable(),
  isCurrent: z.boolean(),
  sources: sourceIds,
});

export const ProcessRecord = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string().min(1),
  shortName: z.string().min(1),
  kind: z.enum(v.PROCESS_KINDS),
  parentBody: z.string().nullable(),
  mandatingResolutions: z.string().min(1),
  start: partialDate,
  end: partialDate.nullable(),
  chairName: z.string().nullable(),
  chairStateIso3: z.string().nullable(),
  chairConfidence: z.enum(v.CONFIDENCE_LEVELS).nullable(),
  membership: z.string().min(1),
  memberStates: z.array(z.string()),
  finalReports: z.string().nullable(),
  outcome: z.string().nullable(),
  notes: z.string().nullable(),
  relatedResolutions: z.array(z.object({ symbol: z.string(), relation: z.string() })),
  confidence: z.enum(v.CONFIDENCE_LEVELS),
  sources: sourceIds,
});

export const SessionRecord = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  processId: z.string().min(1),
  name: z.string().min(1),
  kind: z.enum(v.SESSION_KINDS),
  start: partialDate.nullable(),
  end: partialDate.nullable(),
  venue: z.string().nullable(),
  notes: z.string().nullable(),
  confidence: z.enum(v.CONFIDENCE_LEVELS),
  sources: sourceIds,
});

export const ResolutionRecord = z.object({
  symbol: z.string().regex(/^(A\/[\w./-]+|decision \d+\/\d+)$/, 'a UN document symbol or "decision NN/NNN"'),
  recordType: z.enum(v.DECISION_RECORD_TYPES),
  topic: z.enum(v.RESOLUTION_TOPICS),
  gaSession: z.number().int().nullable(),
  adoptedOn: isoDate.nullable(),
  title: z.string().nullable(),
  committee: z.string().nullable(),
  adoptionMethod: z.enum(v.ADOPTION_METHODS).nullable(),
  adoptionNote: z.string().nullable(),
  yes: z.number().int().nonnegative().nullable(),
  no: z.number().int().nonnegative().nullable(),
  abstain: z.number().int().nonnegative().nullable(),
  firstCommitteeVote: z.string().nullable(),
  summary: z.string().nullable(),
  notes: z.string().nullable(),
  confidence: z.enum(v.CONFIDENCE_LEVELS),
  sources: sourceIds,
});

export const FrameworkRecord = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string().min(1),
  kind: z.enum(v.FRAMEWORK_KINDS),
  body: z.string().min(1),
  instrument: z.string().nullable(),
  sources: sourceIds,
});

export const FrameworkItemRecord = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  frameworkId: z.string().min(1),
  code: z.string().min(1),
  position: z.number().int(),
  shortTitle: z.string().min(1),
  reference: z.string().nullable(),
  instrument: z.string().nullable(),
  notes: z.string().nullable(),
  confidence: z.enum(v.CONFIDENCE_LEVELS),
  sources: sourceIds,
});

export const CyberStrategyRecord = z.object({
  stateIso3: z.string().regex(/^[A-Z]{3}$/),
  firstAdopted: partialDate.nullable(),
  strategiesTotal: z.number().int().nonnegative(),
  sources: sourceIds,
});

export type SourceRecord = z.infer<typeof SourceRecord>;
export type StateRecord = z.infer<typeof StateRecord>;
export type OrganizationRecord = z.infer<typeof OrganizationRecord>;
export type MembershipRecord = z.infer<typeof MembershipRecord>;
export type ProcessRecord = z.infer<typeof ProcessRecord>;
export type SessionRecord = z.infer<typeof SessionRecord>;
export type ResolutionRecord = z.infer<typeof ResolutionRecord>;
export type FrameworkRecord = z.infer<typeof FrameworkRecord>;
export type FrameworkItemRecord = z.infer<typeof FrameworkItemRecord>;
export type CyberStrategyRecord = z.infer<typeof CyberStrategyRecord>;

/** The bundled reference files, in import order (later files refer to earlier ones). */
export const REFERENCE_FILES = {
  sources: { file: "sources.json", schema: SourceRecord },
  states: { file: "states.json", schema: StateRecord },
  organizations: { file: "organizations.json", schema: OrganizationRecord },
  memberships: { file: "memberships.json", schema: MembershipRecord },
  resolutions: { file: "resolutions.json", schema: ResolutionRecord },
  processes: { file: "processes.json", schema: ProcessRecord },
  sessions: { file: "sessions.json", schema: SessionRecord },
  frameworks: { file: "frameworks.json", schema: FrameworkRecord },
  frameworkItems: { file: "framework-items.json", schema: FrameworkItemRecord },
  cyberStrategies: { file: "cyber-strategies.json", schema: CyberStrategyRecord },
} as const;
