// Presenters shared by every resource: sources and partial dates as the API returns them.
import { z } from "@hono/zod-openapi";
import { formatPartialDateIso, type PartialDate } from "../domain/partial-date.js";
import type { Source } from "../domain/source.js";
import { DATE_PRECISIONS, SOURCE_KINDS } from "../domain/vocabulary.js";

export const SourceSchema = z
  .object({
    id: z.string(),
    kind: z.enum(SOURCE_KINDS),
    title: z.string(),
    url: z.string().nullable(),
    licence: z.string(),
    attribution: z.string().nullable(),
    retrieved_on: z.string().nullable(),
    note: z.string().nullable(),
  })
  .openapi("Source");

export const PartialDateSchema = z
  .object({
    value: z
      .string()
      .openapi({ description: "YYYY, YYYY-MM or YYYY-MM-DD, at the precision the source gives", example: "2019-06" }),
    precision: z.enum(DATE_PRECISIONS),
  })
  .openapi("PartialDate");

export function presentSource(source: Source): z.infer<typeof SourceSchema> {
  return {
    id: source.id,
    kind: source.kind,
    title: source.title,
    url: source.url,
    licence: source.licence,
    attribution: source.attribution,
    retrieved_on: source.retrievedOn,
    note: source.note,
  };
}

export function presentPartialDate(value: PartialDate | null): z.infer<typeof PartialDateSchema> | null {
  return value ? { value: formatPartialDateIso(value), precision: value.precision } : null;
}
