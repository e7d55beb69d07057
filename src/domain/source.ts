// A source that supports a record: dataset, web page or document, with licence and retrieval date.
import type { SourceKind } from "./vocabulary.js";

export interface Source {
  id: string;
  kind: SourceKind;
  title: string;
  url: string | null;
  licence: string;
  attribution: string | null;
  retrievedOn: string | null;
  note: string | null;
}
