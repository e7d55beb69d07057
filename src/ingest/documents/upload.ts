// An editor's upload (web form or API): validates the provenance fields, then ingests the bytes like any batch
// file, in its own transaction, so a bad file is reported and leaves nothing behind.
import { z } from "zod";
import type { Db } from "../../db/client.js";
import { InvalidInputError } from "../../domain/errors.js";
import { DOCUMENT_TYPES } from "../../domain/vocabulary.js";
import { ingestBatch } from "./batch.js";
import type { IngestResult } from "./ingest.js";

const blank = z.literal("").transform(() => undefined);

/** What an uploader says about the file; the file itself may say more (an AKN symbol, a language). */
export const UploadFieldsSchema = z.object({
  type: z.enum(DOCUMENT_TYPES).optional().or(blank),
  language: z
    .string()
    .regex(/^[a-z]{2}$/, "a two-letter ISO 639-1 code, e.g. en")
    .optional()
    .or(blank),
  source_url: z
    .url({ protocol: /^https?$/ })
    .max(2000)
    .optional()
    .or(blank),
  licence: z.string().trim().min(1, "say under which licence or terms the document may be republished").max(500),
  attribution: z.string().trim().max(500).optional().or(blank),
  author: z.string().trim().max(300).optional().or(blank),
});
export type UploadFields = z.infer<typeof UploadFieldsSchema>;

export function parseUploadFields(input: Record<string, unknown>): UploadFields {
  const parsed = UploadFieldsSchema.safeParse(input);
  if (!parsed.success)
    throw new InvalidInputError(
      "check the upload's fields",
      parsed.error.issues.map((i) => ({ path: i.path.join(".") || "upload", message: i.message })),
    );
  return parsed.data;
}

export async function ingestUpload(
  db: Db,
  input: {
    name: string;
    bytes: Uint8Array;
    contentType: string | null;
    fields: UploadFields;
    maxBytes: number;
    now: () => Date;
  },
): Promise<IngestResult> {
  const name = input.name.replace(/[^\w.\- ]/g, "_").slice(0, 200) || "upload";
  const [result] = await ingestBatch(
    db,
    [{ kind: "bytes", name, bytes: input.bytes, contentType: input.contentType }],
    {
      provenance: {
        sourceUrl: input.fields.source_url ?? null,
        licence: input.fields.licence,
        attribution: input.fields.attribution ?? null,
        language: input.fields.language ?? null,
        type: input.fields.type ?? null,
        authors: input.fields.author ? [input.fields.author] : null,
      },
      now: input.now,
      maxBytes: input.maxBytes,
      maxRedirects: 0,
      allowPrivateAddresses: false,
    },
  );
  return result!;
}
