-- Issue 19: paragraphs keep the text as the index reads it (Arabic normalised, Chinese split into words; see
-- src/domain/search-text.ts) and the stored tsvector is built from it. Arabic text already stored is normalised here with
-- the same rules as normalizeArabic; Chinese text already stored (only from uploads before this migration) keeps
-- clause-level matching until the document is ingested again.
ALTER TABLE "document_paragraphs" ADD COLUMN "search_text" text;--> statement-breakpoint
ALTER TABLE "document_paragraphs" ADD COLUMN "search_notes" text;--> statement-breakpoint
UPDATE "document_paragraphs" SET
  "search_text" = regexp_replace(translate(translate(regexp_replace(translate(regexp_replace("text", E'[\u0640\u064b-\u065f\u0670]', '', 'g'), E'\u0623\u0625\u0622\u0671', E'\u0627\u0627\u0627\u0627'), E'[\u0649\u064a]\u0621', E'\u0621', 'g'), E'\u0624\u0626', E'\u0621\u0621'), E'\u0649', E'\u064a'), E'\u0647(?![\u0600-\u06ff])', E'\u0629', 'g'),
  "search_notes" = regexp_replace(translate(translate(regexp_replace(translate(regexp_replace("notes", E'[\u0640\u064b-\u065f\u0670]', '', 'g'), E'\u0623\u0625\u0622\u0671', E'\u0627\u0627\u0627\u0627'), E'[\u0649\u064a]\u0621', E'\u0621', 'g'), E'\u0624\u0626', E'\u0621\u0621'), E'\u0649', E'\u064a'), E'\u0647(?![\u0600-\u06ff])', E'\u0629', 'g')
  WHERE "text" ~ E'[\u0600-\u06ff]' OR "notes" ~ E'[\u0600-\u06ff]';--> statement-breakpoint
UPDATE "document_paragraphs" SET "search_text" = NULL WHERE "search_text" = "text";--> statement-breakpoint
UPDATE "document_paragraphs" SET "search_notes" = NULL WHERE "search_notes" = "notes";--> statement-breakpoint
ALTER TABLE "document_paragraphs" DROP COLUMN "tsv";--> statement-breakpoint
ALTER TABLE "document_paragraphs" ADD COLUMN "tsv" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector(CASE search_config WHEN 'english' THEN 'english'::regconfig WHEN 'french' THEN 'french'::regconfig WHEN 'spanish' THEN 'spanish'::regconfig WHEN 'russian' THEN 'russian'::regconfig WHEN 'arabic' THEN 'arabic'::regconfig ELSE 'simple'::regconfig END, coalesce(search_text, text)), 'A') || setweight(to_tsvector(CASE search_config WHEN 'english' THEN 'english'::regconfig WHEN 'french' THEN 'french'::regconfig WHEN 'spanish' THEN 'spanish'::regconfig WHEN 'russian' THEN 'russian'::regconfig WHEN 'arabic' THEN 'arabic'::regconfig ELSE 'simple'::regconfig END, coalesce(search_notes, notes)), 'D')) STORED NOT NULL;--> statement-breakpoint
CREATE INDEX "document_paragraphs_tsv_idx" ON "document_paragraphs" USING gin ("tsv");
