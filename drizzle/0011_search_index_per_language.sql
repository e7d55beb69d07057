-- Issue 19: one full-text index per search configuration instead of one for all. A search runs one branch per
-- configuration (src/db/search.ts), each matching `search_config = '<config>' AND tsv @@ <query in that config>`, so
-- each reads only its own language's postings: a query stemmed for one language no longer walks, and fetches from the
-- heap, the paragraphs of the others that share a word with it (all six branches of a search across languages did).
DROP INDEX "document_paragraphs_tsv_idx";--> statement-breakpoint
CREATE INDEX "document_paragraphs_tsv_english_idx" ON "document_paragraphs" USING gin ("tsv") WHERE search_config = 'english';--> statement-breakpoint
CREATE INDEX "document_paragraphs_tsv_french_idx" ON "document_paragraphs" USING gin ("tsv") WHERE search_config = 'french';--> statement-breakpoint
CREATE INDEX "document_paragraphs_tsv_spanish_idx" ON "document_paragraphs" USING gin ("tsv") WHERE search_config = 'spanish';--> statement-breakpoint
CREATE INDEX "document_paragraphs_tsv_russian_idx" ON "document_paragraphs" USING gin ("tsv") WHERE search_config = 'russian';--> statement-breakpoint
CREATE INDEX "document_paragraphs_tsv_arabic_idx" ON "document_paragraphs" USING gin ("tsv") WHERE search_config = 'arabic';--> statement-breakpoint
CREATE INDEX "document_paragraphs_tsv_simple_idx" ON "document_paragraphs" USING gin ("tsv") WHERE search_config = 'simple';
