// Symbols and norm references in the text of pages become links, only to pages that exist, and vote, resolution,
// document and process pages link each other (issue 17). On the seeded database: real texts and records.
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test/app.js";
import { getReferenceVocabulary } from "../../db/documents-references.js";
import { findLinkTargets } from "../../db/link-targets.js";
import { createReferenceMatcher } from "../../domain/references-entities.js";
import { readCorpusEntries } from "../../ingest/documents/corpus.js";
import { ingestDocumentBytes } from "../../ingest/documents/ingest.js";
import { LinkedText } from "../components/linked-text.js";

const CORPUS = fileURLToPath(new URL("../../../datasets/corpus/ga-resolutions-74-79.jsonl.br", import.meta.url));
const NOW = new Date("2026-11-23T12:00:00Z");
const PROVENANCE = {
  licence: "United Nations: unofficial copies for information; acknowledge the United Nations as the source",
  attribution: "Source: United Nations, DGACM machine-readable GA resolutions",
};

async function corpusFile(name: string): Promise<Buffer> {
  for await (const entry of readCorpusEntries(CORPUS)) if (entry.file === name) return entry.bytes;
  throw new Error(`${name} is not in the bundled corpus`);
}

/** The addresses the paragraphs and notes of a document page link to (not the permalinks, mentions or lists). */
function textLinks(html: string): string[] {
  const text = html.slice(html.indexOf('id="text-heading"'), html.indexOf('id="cites-heading"'));
  const paragraphs = [...text.matchAll(/<p>([^]*?)<\/p>|<li>([^]*?)<\/li>/g)].map((m) => m[1] ?? m[2]!);
  return [...new Set(paragraphs.flatMap((p) => [...p.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!)))];
}

describe("links inside texts and between record pages", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp("pglite", { now: NOW });
    // A resolution of the bundled corpus that the seed does not store and the fact base does not hold.
    const matcher = createReferenceMatcher(await getReferenceVocabulary(t.database.db));
    const file = { name: "english/74/74_178.xml", bytes: await corpusFile("english/74/74_178.xml") };
    const result = await t.database.db.transaction((tx) => ingestDocumentBytes(tx, matcher, file, PROVENANCE, NOW));
    expect(result.status).toBe("inserted");
  });
  afterAll(async () => t.dispose());

  const page = async (path: string) => {
    const res = await t.app.request(path);
    expect(res.status, path).toBe(200);
    return res.text();
  };

  it("links the resolutions a stored resolution's paragraphs cite, and leaves a symbol with no page as text", async () => {
    // 75/282 recalls "its resolution 74/247", which has its resolution page.
    const html = await page("/documents/A/RES/75/282");
    expect(html).toMatch(/resolution <a href="\/resolutions\/A\/RES\/74\/247">74\/247<\/a>/);
    // 77/37's notes cite the 2010 GGE report A/65/201: neither a resolution page nor a stored document.
    const notes = await page("/documents/A/RES/77/37");
    expect(notes).toContain("A/65/201");
    expect(notes).not.toMatch(/<a [^>]*>A\/65\/201<\/a>/);
    // Its "Cites" list links a cited resolution whose text is not stored to its resolution page (53/70, 1998).
    const cites = notes.slice(notes.indexOf('id="cites-heading"'), notes.indexOf('id="cited-by-heading"'));
    expect(cites).toContain('<a href="/resolutions/A/RES/53/70">A/RES/53/70</a>');
    // Every link inside the text answers: none leads to a 404.
    const hrefs = textLinks(html);
    expect(hrefs).toContain("/resolutions/A/RES/74/247");
    for (const href of hrefs) expect((await t.app.request(href)).status, href).toBe(200);
  });

  it("links each paragraph's mentions to the State, norm or process page", async () => {
    const html = await page("/documents/A/RES/75/240");
    const mentions = [...html.matchAll(/<p class="paragraph-mentions muted">([^]*?)<\/p>/g)]
      .map((m) => m[1]!)
      .join(" ");
    expect(mentions).toMatch(/<a href="\/processes\/[a-z0-9-]+"/);
    expect(mentions).not.toMatch(/<span title=/);
  });

  it("links a document to its resolution record and recorded vote, and back", async () => {
    const doc = await page("/documents/A/RES/74/247");
    expect(doc).toContain('<a href="/resolutions/A/RES/74/247">');
    expect(doc).toContain('<a href="/votes/A/RES/74/247">How each State voted on A/RES/74/247</a>');
    const resolution = await page("/resolutions/A/RES/74/247");
    expect(resolution).toContain('<a href="/votes/A/RES/74/247">How each State voted on A/RES/74/247</a>');
    expect(resolution).toContain('<a href="/documents/A/RES/74/247">The text of A/RES/74/247</a>');
    const vote = await page("/votes/A/RES/74/247");
    expect(vote).toContain('<a href="/resolutions/A/RES/74/247">The resolution record of A/RES/74/247</a>');
    expect(vote).toContain('<a href="/documents/A/RES/74/247">The text of A/RES/74/247</a>');
  });

  it("links only what answers in a corpus resolution outside the fact base (A/RES/74/178): no resolution record", async () => {
    const html = await page("/documents/A/RES/74/178");
    expect((await t.app.request("/resolutions/A/RES/74/178")).status).toBe(404);
    expect(html).not.toContain('href="/resolutions/A/RES/74/178"');
    // "the Human Rights Council … through its resolution 42/22" is A/HRC/RES/42/22, stored nowhere: plain text.
    expect(html).toContain("42/22");
    expect(html).not.toMatch(/>42\/22<\/a>/);
    const hrefs = textLinks(html);
    expect(hrefs.length).toBeGreaterThan(0);
    for (const href of hrefs) expect((await t.app.request(href)).status, href).toBe(200);
  });

  it("links the mandate, outcome and reports a process page names", async () => {
    const html = await page("/processes/ahc-cybercrime-2022-2024");
    const facts = html.slice(html.indexOf("<dt>Mandate</dt>"), html.indexOf("</dl>"));
    expect(facts).toContain('<a href="/resolutions/A/RES/74/247">A/RES/74/247</a>');
    expect(facts).toContain('<a href="/resolutions/A/RES/75/282">A/RES/75/282</a>');
    expect(facts).toContain('<a href="/resolutions/A/RES/79/243">A/RES/79/243</a>');
    // The draft convention A/AC.291/22/Rev.3 is neither stored nor a resolution.
    expect(facts).toContain("A/AC.291/22/Rev.3");
    expect(facts).not.toMatch(/>A\/AC\.291\/22\/Rev\.3</);
  });

  it("renders a norm reference as a link to the norm page and keeps text from the data escaped", async () => {
    const links = await findLinkTargets(t.database.db, ["A/RES/74/247", "A/RES/12/345"]);
    const html = await (
      <LinkedText
        text={'<script>alert("x")</script> norm 13(c), resolution 74/247 and resolution 12/345'}
        links={links}
      />
    ).toString();
    expect(html).toBe(
      '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; <a href="/norms/13c">norm 13(c)</a>, resolution <a href="/resolutions/A/RES/74/247">74/247</a> and resolution 12/345',
    );
  });
});
