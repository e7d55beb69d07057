import fs from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DATASETS_DIR } from "../../ingest/seed.js";
import { TEST_DRIVERS } from "../../../test/database.js";
import { createEditorialTestApp, type EditorialTestApp } from "../../../test/editorial.js";

const PASSWORD = "a long enough passphrase";

async function bundledResolution(name: string): Promise<Blob> {
  return new Blob([await fs.readFile(path.join(DATASETS_DIR, "documents", name))], { type: "application/xml" });
}

function uploadForm(file: Blob, fileName: string, fields: Record<string, string> = {}): FormData {
  const form = new FormData();
  form.set("file", file, fileName);
  form.set("licence", "UN terms of use");
  form.set("source_url", "https://undocs.org/A/RES/77/37");
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  return form;
}

describe.each(TEST_DRIVERS)("document upload by editors on $label", ({ driver, skip }) => {
  let t: EditorialTestApp;
  beforeAll(async () => {
    if (skip) return;
    // Without the seed, so the bundled resolutions are not stored yet.
    t = await createEditorialTestApp(driver, { seed: false, settings: { documentMaxBytes: 2 * 1024 * 1024 } });
    await t.addUser("ada@example.org", "editor", PASSWORD);
  });
  afterAll(async () => t?.dispose());

  it.skipIf(skip)(
    "stores an uploaded Akoma Ntoso resolution with its paragraphs, then skips the same file as unchanged",
    async () => {
      const ada = t.agent();
      await ada.logIn("ada@example.org", PASSWORD);
      await ada.get("/editor/documents/upload");
      const file = await bundledResolution("A_RES_77_37.xml");
      const first = await ada.postMultipart("/editor/documents/upload", uploadForm(file, "A_RES_77_37.xml"));
      expect(first.status).toBe(201);
      const html = await first.text();
      expect(html).toContain("Stored as a new document.");
      expect(html).toContain('href="/documents/A/RES/77/37"');
      const doc = await (await t.app.request("/api/v1/documents/A/RES/77/37")).json();
      expect(doc.source_url ?? doc.source?.url).toBe("https://undocs.org/A/RES/77/37");
      const again = await ada.postMultipart("/editor/documents/upload", uploadForm(file, "copy.xml"));
      expect(again.status).toBe(200);
      expect(await again.text()).toContain("Nothing stored: this text is already here.");
    },
  );

  it.skipIf(skip)(
    "reports a corrupt file and a missing licence without storing anything; refuses the anonymous public",
    async () => {
      const ada = t.agent();
      await ada.logIn("ada@example.org", PASSWORD);
      await ada.get("/editor/documents/upload");
      const count = async () =>
        (
          (await t.database.db.execute("select count(*)::int as n from documents" as never)) as unknown as {
            rows: { n: number }[];
          }
        ).rows[0]!.n;
      const before = await count();
      const corrupt = await ada.postMultipart(
        "/editor/documents/upload",
        uploadForm(new Blob(["%PDF-1.7 this is not really a PDF"], { type: "application/pdf" }), "broken.pdf"),
      );
      expect(corrupt.status).toBe(422);
      expect(await corrupt.text()).toContain("Not stored.");
      const noLicence = await ada.postMultipart(
        "/editor/documents/upload",
        uploadForm(await bundledResolution("A_RES_74_247.xml"), "a.xml", { licence: "" }),
      );
      expect(noLicence.status).toBe(400);
      expect(await count()).toBe(before);
      const anonymous = await t.app.request("/editor/documents/upload", {
        method: "POST",
        body: uploadForm(await bundledResolution("A_RES_74_247.xml"), "a.xml"),
      });
      expect(anonymous.status).toBe(401);
    },
  );

  it.skipIf(skip)("refuses a body over DOCUMENT_MAX_BYTES before reading it", async () => {
    const ada = t.agent();
    await ada.logIn("ada@example.org", PASSWORD);
    await ada.get("/editor/documents/upload");
    const huge = new Blob([new Uint8Array(3 * 1024 * 1024).fill(65)], { type: "text/plain" });
    const res = await ada.postMultipart("/editor/documents/upload", uploadForm(huge, "huge.txt"));
    expect(res.status).toBe(413);
  });

  it.skipIf(skip)(
    "takes an upload through the API from a signed-in session, never with an API token (issue 13)",
    async () => {
      const ada = t.agent();
      await ada.logIn("ada@example.org", PASSWORD);
      const created = await ada.post("/account/tokens", { name: "uploader", scopes: "changes:write" });
      const secret = /(nwt_[\w-]{43})/.exec(await created.text())![1]!;
      const byToken = await t.app.request("/api/v1/documents", {
        method: "POST",
        body: uploadForm(await bundledResolution("A_RES_74_247.xml"), "a.xml"),
        headers: { authorization: `Bearer ${secret}` },
      });
      expect(byToken.status).toBe(403);
      const session = { "x-csrf-token": ada.csrf! };
      const form = uploadForm(await bundledResolution("A_RES_74_247.xml"), "A_RES_74_247.xml");
      const res = await ada.request("/api/v1/documents", { method: "POST", body: form, headers: session });
      expect(res.status).toBe(201);
      expect(await res.json()).toMatchObject({ status: "inserted", slug: "A/RES/74/247", version: 1 });
      const anonymous = await t.app.request("/api/v1/documents", {
        method: "POST",
        body: uploadForm(await bundledResolution("A_RES_74_247.xml"), "a.xml"),
      });
      expect(anonymous.status).toBe(401);
      const noFile = new FormData();
      noFile.set("licence", "x");
      expect((await ada.request("/api/v1/documents", { method: "POST", body: noFile, headers: session })).status).toBe(
        400,
      );
    },
  );
});

describe("an uploaded statement attributed to a State", () => {
  let t: EditorialTestApp;
  beforeAll(async () => {
    t = await createEditorialTestApp("pglite", { seed: true });
    await t.addUser("ada@example.org", "editor", PASSWORD);
  });
  afterAll(async () => t?.dispose());

  it("takes the author from the form when the file names none, so its norm references become candidates for review", async () => {
    const ada = t.agent();
    await ada.logIn("ada@example.org", PASSWORD);
    await ada.get("/editor/documents/upload");
    // A synthetic statement (not a real text): no author inside, an explicit norm reference.
    const text =
      "# Statement to the working group (test text)\n\nOur national CERT acts on norm 13 (c) of the 2015 report.\n";
    const form = uploadForm(new Blob([text], { type: "text/markdown" }), "statement.md", {
      type: "statement",
      language: "en",
      author: "Germany",
    });
    expect((await ada.postMultipart("/editor/documents/upload", form)).status).toBe(201);
    const rows = (await t.database.db.execute(
      "select state_iso3, item_id, status from evidence_candidates" as never,
    )) as unknown as { rows: { state_iso3: string; item_id: string; status: string }[] };
    expect(rows.rows).toContainEqual({ state_iso3: "DEU", item_id: "13c", status: "open" });
  });
});
