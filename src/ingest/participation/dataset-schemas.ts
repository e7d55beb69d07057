// Shapes of the bundled participation files in datasets/participation, validated when written and when read.
import { z } from "zod";
import * as v from "../../domain/vocabulary.js";
import { SourceRecord } from "../reference/dataset-schemas.js";

const partialDate = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/);
const id = z
  .string()
  .regex(/^[a-z0-9-]+$/)
  .max(160);
const sourceIds = z.array(z.string().min(1)).min(1, "a record without a source does not ship");
const iso3List = z.array(z.string().regex(/^[A-Z]{3}$/));

export const DeadlineRecord = z.object({
  id,
  processId: id,
  sessionId: id.nullable(),
  kind: z.enum(v.DEADLINE_KINDS),
  title: z.string().min(1),
  opens: partialDate.nullable(),
  closes: partialDate.nullable(),
  closesTime: z
    .string()
    .regex(/^\d{2}:\d{2}$/)
    .nullable(),
  timeZone: z.string().nullable(),
  isRolling: z.boolean(),
  eligibility: z.string().nullable(),
  notes: z.string().nullable(),
  confidence: z.enum(v.CONFIDENCE_LEVELS),
  sources: sourceIds,
});
export type DeadlineRecord = z.infer<typeof DeadlineRecord>;

export const AccreditationRecord = z
  .object({
    id,
    processId: id,
    sessionId: id.nullable(),
    isAggregate: z.boolean(),
    organizationName: z.string().min(1).nullable(),
    ecosocStatus: z.enum(v.ECOSOC_STATUSES),
    applied: partialDate.nullable(),
    decided: partialDate.nullable(),
    outcome: z.enum(v.ACCREDITATION_OUTCOMES).nullable(),
    applicants: z.number().int().nonnegative().nullable(),
    accreditedCount: z.number().int().nonnegative().nullable(),
    objectedCount: z.number().int().nonnegative().nullable(),
    objectingStates: iso3List,
    notes: z.string().nullable(),
    confidence: z.enum(v.CONFIDENCE_LEVELS),
    sources: sourceIds,
  })
  .refine(
    (r) => (r.isAggregate ? r.organizationName === null : r.organizationName !== null && r.outcome !== null),
    "aggregate records have counts and no organisation; named ones an organisation and an outcome",
  )
  .refine(
    (r) => r.applicants === null || (r.accreditedCount ?? 0) + (r.objectedCount ?? 0) <= r.applicants,
    "accredited + objected cannot exceed applicants",
  );
export type AccreditationRecord = z.infer<typeof AccreditationRecord>;

export const StakeholderActionRecord = z.object({
  id,
  processId: id.nullable(),
  sessionId: id.nullable(),
  kind: z.enum(v.STAKEHOLDER_ACTION_KINDS),
  title: z.string().min(1),
  description: z.string().min(1),
  actedOn: partialDate.nullable(),
  leadOrganizations: z.array(z.string().min(1)),
  signatoryOrganizations: z.array(z.string().min(1)),
  signatoryStates: iso3List,
  signatoryCount: z.string().nullable(),
  documentSymbol: z.string().nullable(),
  documentUrl: z.string().url().nullable(),
  notes: z.string().nullable(),
  confidence: z.enum(v.CONFIDENCE_LEVELS),
  sources: sourceIds,
});
export type StakeholderActionRecord = z.infer<typeof StakeholderActionRecord>;

export const PARTICIPATION_FILES = {
  sources: { file: "sources.json", schema: SourceRecord },
  deadlines: { file: "deadlines.json", schema: DeadlineRecord },
  accreditations: { file: "accreditations.json", schema: AccreditationRecord },
  stakeholderActions: { file: "stakeholder-actions.json", schema: StakeholderActionRecord },
} as const;
