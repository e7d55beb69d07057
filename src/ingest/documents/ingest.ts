// Ingests one document: hash → skip if known → parse → validate → detect references → store as a new version, in one transaction.
import { createHash } from "node:crypto";
import { z } from "zod";
import type { Db } from "../../db/client.js";
import { findProcessOfResolution, insertUnresolvedCitations } from "../../db/documents-references.js";
import { findCurrentVersion, findDocumentByContentHash, insertDocumentVersion } from "../../db/documents.js";
import type { Tx } from "../../db/upsert.js";
import type { ParsedDocument } from "../../domain/documents.js";
import { LANGUAGE_NAMES, slugWithoutSymbol } from "../../domain/documents.js";
import { dominantScriptOf, scriptOfLanguage, type Script } from "../../domain/text-script.js";
import type { ReferenceMatcher } from "../../domain/references-entities.js";
import { detectResolutionReferences } from "../../domain/references.js";
import { gaSessionOfSymbol, parseSymbol } from "../../domain/symbols.js";
import { DOCUMENT_FORMATS, DOCUMENT_TYPES, PARAGRAPH_KINDS, type DocumentType } from "../../domain/vocabulary.js";
import { proposeEvidenceCandidates } from "./evidence-candidates.js";
import { parseDocumentBytes } from "./formats.js";

export type IngestStatus = "inserted" | "new-version" | "skipped" | "failed";

export interface IngestResult {
  /** The file path or URL. */
  name: string;
  status: IngestStatus;
  /** Why a file was skipped or failed. */
  reason?: string;
  slug?: string;
  version?: number;
  paragraphs?: number;
  bytes: number;
}

/** Where a document comes from and under what terms; stored on every version. */
export interface DocumentProvenance {
  sourceId?: string | null;
  sourceUrl?: string | null;
  licence: string;
  attribution?: string | null;
  /** Overrides what the file says or what is guessed from it. */
  language?: string | null;
  type?: DocumentType | null;
  /** Authors when the file does not name any (e.g. the State behind a national statement). */
  authors?: string[] | null;
}

export const UNKNOWN_LICENCE = "not stated (ingested without licence information)";

const ParagraphSchema = z.object({
  anchor: z.string().regex(/^[a-z0-9][a-z0-9-]{0,120}$/),
  label: z.string().min(1).max(300),
  kind: z.enum(PARAGRAPH_KINDS),
  heading: z.string().max(2000).nullable(),
  // A tsvector holds at most 1 MB; no real paragraph comes near this.
  text: z.string().min(1).max(200_000),
  notes: z.array(z.string().max(50_000)).max(200),
});
const ParsedDocumentSchema = z.object({
  symbol: z.string().max(80).nullable(),
  title: z.string().min(1).max(2000),
  date: z.iso.date().nullable(),
  language: z.string().regex(/^[a-z]{2,3}$/),
  type: z.enum(DOCUMENT_TYPES),
  format: z.enum(DOCUMENT_FORMATS),
  authors: z.array(z.string().max(300)).max(100),
  paragraphs: z.array(ParagraphSchema).min(1, "no paragraphs of text found").max(50_000),
});

export function hashBytes(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/**
 * Ingests one file's bytes inside the given transaction, parsing them on this thread: for the bundled, trusted files
 * only (untrusted files are parsed in the worker first, see batch.ts, then stored with ingestParsedDocument). Throws on
 * unreadable or invalid content (the caller turns that into a "failed" result and rolls back); returns "skipped" when
 * the same bytes or the same text are stored.
 */
export async function ingestDocumentBytes(
  tx: Tx,
  matcher: ReferenceMatcher,
  file: { name: string; bytes: Uint8Array; contentType?: string | null },
  provenance: DocumentProvenance,
  now: Date,
): Promise<IngestResult> {
  const known = await skipIfStored(tx, file);
  if (known) return known;
  return ingestParsedDocument(
    tx,
    matcher,
    file,
    await parseDocumentBytes(file.bytes, file.name, file.contentType),
    provenance,
    now,
  );
}

/** The "skipped" result when these exact bytes are already stored, else null. */
export async function skipIfStored(
  db: Tx | Db,
  file: { name: string; bytes: Uint8Array },
): Promise<IngestResult | null> {
  const known = await findDocumentByContentHash(db, hashBytes(file.bytes));
  if (!known) return null;
  return {
    name: file.name,
    bytes: file.bytes.length,
    status: "skipped",
    reason: `unchanged: same file already stored as ${known.slug} in ${LANGUAGE_NAMES[known.language]?.english ?? known.language} (${known.language}) version ${known.version}`,
    slug: known.slug,
    version: known.version,
  };
}

/** Validates and stores a parsed file inside the given transaction (see ingestDocumentBytes). */
export async function ingestParsedDocument(
  tx: Tx,
  matcher: ReferenceMatcher,
  file: { name: string; bytes: Uint8Array },
  parsedFile: ParsedDocument,
  provenance: DocumentProvenance,
  now: Date,
): Promise<IngestResult> {
  const base = { name: file.name, bytes: file.bytes.length };
  const known = await skipIfStored(tx, file);
  if (known) return known;
  const contentHash = hashBytes(file.bytes);
  const parsed = validate(parsedFile, provenance);
  const slug = parsed.symbol ?? slugWithoutSymbol(contentHash);
  const textHash = createHash("sha256")
    .update(JSON.stringify([parsed.title, parsed.paragraphs]))
    .digest("hex");
  const current = await findCurrentVersion(tx, slug, parsed.language);
  if (current?.textHash === textHash)
    return {
      ...base,
      status: "skipped",
      reason: `unchanged: same text as ${slug} version ${current.version}`,
      slug,
      version: current.version,
    };
  const symbol = parsed.symbol ? parseSymbol(parsed.symbol) : null;
  const references = parsed.paragraphs.map((p) => ({
    ...detectParagraphReferences(p.text, p.notes),
    mentions: matcher.detect(p.text),
  }));
  const stored = await insertDocumentVersion(tx, {
    slug,
    parsed,
    gaSession: symbol ? gaSessionOfSymbol(symbol) : null,
    processId: parsed.symbol ? await findProcessOfResolution(tx, parsed.symbol) : null,
    sourceId: provenance.sourceId ?? null,
    sourceUrl: provenance.sourceUrl ?? null,
    licence: provenance.licence,
    attribution: provenance.attribution ?? null,
    contentHash,
    textHash,
    byteSize: file.bytes.length,
    ingestedAt: now,
    references,
  });
  await insertUnresolvedCitations(
    tx,
    stored.id,
    references.map((r, i) => ({ position: i + 1, references: r.unresolved })),
  );
  await proposeEvidenceCandidates(tx, matcher, stored.id, now);
  return {
    ...base,
    status: stored.version === 1 ? "inserted" : "new-version",
    slug,
    version: stored.version,
    paragraphs: parsed.paragraphs.length,
  };
}

/** The resolutions and documents a paragraph cites, in its text and footnotes (also what a reindex recomputes). */
export function detectParagraphReferences(
  text: string,
  notes: string[],
): ReturnType<typeof detectResolutionReferences> {
  return detectResolutionReferences([text, ...notes].join(" "));
}

function validate(parsed: ParsedDocument, provenance: DocumentProvenance): ParsedDocument {
  const authors = parsed.authors.length === 0 && provenance.authors?.length ? provenance.authors : parsed.authors;
  const withOverrides = {
    ...parsed,
    language: provenance.language ?? parsed.language,
    type: provenance.type ?? parsed.type,
    authors,
  };
  const result = ParsedDocumentSchema.safeParse(withOverrides);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new InvalidDocumentError(`invalid document: ${issue.path.join(".") || "document"}: ${issue.message}`);
  }
  checkLanguageAgainstText(withOverrides);
  return withOverrides;
}

/**
 * Refuses a document whose declared language is written in another script than its text (upstream's Chinese 75/274
 * declares Spanish): stored under that language it would be a wrong version of the symbol; which language it really
 * is is left to whoever fixes the file, not guessed here.
 */
function checkLanguageAgainstText(parsed: ParsedDocument): void {
  const expected = scriptOfLanguage(parsed.language);
  const written = dominantScriptOf(parsed.paragraphs.map((p) => p.text).join(" "));
  if (!expected || !written || expected === written) return;
  const name = LANGUAGE_NAMES[parsed.language]?.english ?? parsed.language;
  throw new InvalidDocumentError(
    `language does not match the text: the document is marked ${name} (${parsed.language}; by the file or the upload, English when neither says) but its text is written in ${SCRIPT_NAMES[written]}, so it is not stored as a ${name} version; give its real language`,
  );
}

const SCRIPT_NAMES: Record<Script, string> = {
  latin: "the Latin script",
  cyrillic: "the Cyrillic script",
  arabic: "the Arabic script",
  han: "Chinese characters",
};

export class InvalidDocumentError extends Error {
  override readonly name = "InvalidDocumentError";
}

/** Runs one ingest in its own transaction so a failure leaves nothing behind. */
export async function ingestInOwnTransaction(db: Db, fn: (tx: Tx) => Promise<IngestResult>): Promise<IngestResult> {
  return db.transaction(fn);
}
