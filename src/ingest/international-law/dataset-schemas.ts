// Shapes of the bundled files in datasets/international-law (positions on international law, treaties, treaty
// actions), validated when the build writes them and when the seed reads them.
import { z } from "zod";
import * as v from "../../domain/vocabulary.js";
import { SourceRecord } from "../reference/dataset-schemas.js";

const partialDate = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const sourceIds = z.array(z.string().min(1)).min(1, "a record without a source does not ship");
const iso3 = z.string().regex(/^[A-Z]{3}$/);
const organizationId = z.string().regex(/^[A-Z0-9-]+$/);

const oneActor = (r: { stateIso3: string | null; organizationId: string | null }) =>
  (r.stateIso3 === null) !== (r.organizationId === null);

export const LegalPositionRecord = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    stateIso3: iso3.nullable(),
    organizationId: organizationId.nullable(),
    title: z.string().min(1),
    isTitleDescriptive: z.boolean(),
    published: partialDate,
    languages: z.array(z.string().min(1)),
    documentUrl: z.string().url().nullable(),
    context: z.string().min(1),
    topics: z.array(z.enum(v.LEGAL_TOPICS)),
    notes: z.string().nullable(),
    confidence: z.enum(v.CONFIDENCE_LEVELS),
    sources: sourceIds,
  })
  .refine(oneActor, "a position belongs to one State or one organisation");
export type LegalPositionRecord = z.infer<typeof LegalPositionRecord>;

export const TreatyRecord = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  title: z.string().min(1),
  shortTitle: z.string().min(1),
  resolutionSymbol: z.string().nullable(),
  processId: z.string().nullable(),
  depositary: z.string().nullable(),
  statusUrl: z.string().url().nullable(),
  isStatusPartial: z.boolean(),
  coverageNote: z.string().min(1),
  sources: sourceIds,
});
export type TreatyRecord = z.infer<typeof TreatyRecord>;

export const TreatyActionRecord = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+:[A-Z0-9-]+:\d{4}-\d{2}-\d{2}$/),
    treatyId: z.string().min(1),
    stateIso3: iso3.nullable(),
    organizationId: organizationId.nullable(),
    partyName: z.string().min(1),
    signed: partialDate.nullable(),
    consent: partialDate.nullable(),
    kind: z.enum(v.TREATY_ACTION_KINDS),
    asOf: isoDate,
    isAsOfLowerBound: z.boolean(),
    notes: z.string().nullable(),
    confidence: z.enum(v.CONFIDENCE_LEVELS),
    sources: sourceIds,
  })
  .refine(oneActor, "a treaty action belongs to one State or one organisation")
  .refine(
    (r) => (r.kind === "signature") === (r.consent === null),
    "a signature only has no consent date; any other kind has one",
  )
  .refine((r) => r.signed !== null || r.consent !== null, "a treaty action has a date");
export type TreatyActionRecord = z.infer<typeof TreatyActionRecord>;

export const INTERNATIONAL_LAW_FILES = {
  sources: { file: "sources.json", schema: SourceRecord },
  legalPositions: { file: "legal-positions.json", schema: LegalPositionRecord },
  treaties: { file: "treaties.json", schema: TreatyRecord },
  treatyActions: { file: "treaty-actions.json", schema: TreatyActionRecord },
} as const;
