-- Issue 15: citations of resolutions that have no symbol we can name (a body without symbols, or a number that fits no
-- named body) are stored apart from document_citations. Documents stored before this migration get them from
-- `normwatch documents reindex` (re-detects references over the stored paragraphs).
CREATE TABLE "document_unresolved_citations" (
	"paragraph_id" integer NOT NULL,
	"document_id" integer NOT NULL,
	"body" text NOT NULL,
	"body_name" text,
	"matched_text" text NOT NULL,
	CONSTRAINT "document_unresolved_citations_paragraph_id_body_matched_text_pk" PRIMARY KEY("paragraph_id","body","matched_text")
);
--> statement-breakpoint
ALTER TABLE "document_unresolved_citations" ADD CONSTRAINT "document_unresolved_citations_paragraph_id_document_paragraphs_id_fk" FOREIGN KEY ("paragraph_id") REFERENCES "public"."document_paragraphs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_unresolved_citations" ADD CONSTRAINT "document_unresolved_citations_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "document_unresolved_citations_document_idx" ON "document_unresolved_citations" USING btree ("document_id");--> statement-breakpoint
CREATE TRIGGER "bump_data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "document_unresolved_citations" FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"();