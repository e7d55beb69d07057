// Request and response schemas of the norms and CBMs API (frameworks and their items), and the presenters.
import { z } from "@hono/zod-openapi";
import type { Framework, FrameworkDetail, FrameworkItem, FrameworkItemDetail } from "../domain/framework.js";
import { CONFIDENCE_LEVELS, FRAMEWORK_KINDS } from "../domain/vocabulary.js";
import { listEnvelope, PaginationQuery } from "./pagination.js";
import { presentSource, SourceSchema } from "./presenters.js";

const stableId = (example: string, what: string) =>
  z
    .string()
    .regex(/^[a-z0-9-]+$/, `${what}: lower-case letters, digits and hyphens`)
    .max(80)
    .openapi({ param: { name: "id", in: "path" }, example });

export const FrameworkIdParam = z.object({ id: stableId("un-norms-2015", "a framework id") });
export const FrameworkItemIdParam = z.object({ id: stableId("13c", "a norm or CBM id") });

export const FrameworkItemListQuery = PaginationQuery.extend({
  framework: z
    .string()
    .regex(/^[a-z0-9-]+$/)
    .max(80)
    .optional()
    .openapi({ description: "framework id, e.g. osce-cbms" }),
});

export const FrameworkItemSchema = z
  .object({
    id: z.string().openapi({ description: "Stable, citable id, e.g. 13c or osce-2016-05" }),
    framework_id: z.string(),
    code: z.string(),
    position: z.number().int(),
    short_title: z.string(),
    reference: z.string().nullable(),
    instrument: z.string().nullable(),
    notes: z.string().nullable(),
    confidence: z.enum(CONFIDENCE_LEVELS),
    url: z.string(),
    page_url: z.string(),
  })
  .openapi("FrameworkItem");

export const FrameworkItemListSchema = listEnvelope(FrameworkItemSchema, "FrameworkItemList");

export const FrameworkSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    kind: z.enum(FRAMEWORK_KINDS),
    body: z.string(),
    instrument: z.string().nullable(),
    item_count: z.number().int(),
    url: z.string(),
  })
  .openapi("Framework");

export const FrameworkListSchema = z.object({ data: z.array(FrameworkSchema) }).openapi("FrameworkList");

export const FrameworkDetailSchema = FrameworkSchema.extend({
  items: z.array(FrameworkItemSchema),
  sources: z.array(SourceSchema),
}).openapi("FrameworkDetail");

export const FrameworkItemDetailSchema = FrameworkItemSchema.extend({
  framework: FrameworkSchema.omit({ item_count: true }),
  sources: z.array(SourceSchema),
}).openapi("FrameworkItemDetail");

export function presentFrameworkItem(item: FrameworkItem): z.infer<typeof FrameworkItemSchema> {
  return {
    id: item.id,
    framework_id: item.frameworkId,
    code: item.code,
    position: item.position,
    short_title: item.shortTitle,
    reference: item.reference,
    instrument: item.instrument,
    notes: item.notes,
    confidence: item.confidence,
    url: `/api/v1/framework-items/${item.id}`,
    page_url: `/norms/${item.id}`,
  };
}

function presentFrameworkBase(f: Framework) {
  return {
    id: f.id,
    name: f.name,
    kind: f.kind,
    body: f.body,
    instrument: f.instrument,
    url: `/api/v1/frameworks/${f.id}`,
  };
}

export function presentFramework(f: Framework & { items: FrameworkItem[] }): z.infer<typeof FrameworkSchema> {
  return { ...presentFrameworkBase(f), item_count: f.items.length };
}

export function presentFrameworkDetail(detail: FrameworkDetail): z.infer<typeof FrameworkDetailSchema> {
  return {
    ...presentFramework(detail.framework),
    items: detail.framework.items.map(presentFrameworkItem),
    sources: detail.sources.map(presentSource),
  };
}

export function presentFrameworkItemDetail(detail: FrameworkItemDetail): z.infer<typeof FrameworkItemDetailSchema> {
  return {
    ...presentFrameworkItem(detail.item),
    framework: presentFrameworkBase(detail.framework),
    sources: detail.sources.map(presentSource),
  };
}
