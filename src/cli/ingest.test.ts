import { describe, expect, it } from "vitest";
import { provenanceWarning } from "./ingest.js";

describe("normwatch ingest", () => {
  it("warns, with how to cite a corpus, when documents would be stored without a source or licence (issue 15)", () => {
    const warning = provenanceWarning({});
    expect(warning).toContain('licence "not stated (ingested without licence information)"');
    expect(warning).toContain("--source dataset:unxml-ga-resolutions");
    expect(provenanceWarning({ sourceUrl: "https://undocs.org/A/RES/74/247" })).toContain("no --source or --licence");
    expect(provenanceWarning({ source: "dataset:unxml-ga-resolutions" })).toBeNull();
    expect(provenanceWarning({ licence: "CC0" })).toBeNull();
  });
});
