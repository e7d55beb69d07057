// `normwatch digest draft|list|queue` on an embedded database in a temporary folder (no bundled data: the month is empty).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadConfig } from "../config.js";
import { openDatabase } from "../db/client.js";
import { publishDigestIssue } from "../db/digest.js";
import { insertUser } from "../db/users.js";
import { runDigestDraft, runDigestDraftRange, runDigestList, runDigestQueue } from "./digest.js";

describe("normwatch digest", () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "normwatch-digest-"));
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));
  const config = loadConfig({ DATA_DIR: dataDir, PUBLIC_URL: "https://normwatch.example/" });
  const now = new Date("2026-11-23T12:00:00Z");

  it("drafts a month, redrafts it, refuses to send the draft, and queues it once published", async () => {
    expect(await runDigestDraft(config, { month: "2020-01", now })).toBe(
      "drafted digest issue 2020-01: Normwatch digest: January 2020\n  nothing tracked changed in this period\nedit and publish it at https://normwatch.example/editor/digest/2020-01",
    );
    expect(await runDigestDraft(config, { month: "2020-01", now })).toMatch(/^redrafted digest issue 2020-01/);
    await expect(runDigestDraft(config, { month: "2020-1", now })).rejects.toThrow(/YYYY-MM/);
    await expect(runDigestQueue(config, { slug: "2020-01", now })).rejects.toThrow(/publish it before sending it/);
    const database = await openDatabase({ dataDir });
    try {
      const editor = await insertUser(database.db, { email: "cli-editor@example.org", role: "editor", now });
      await publishDigestIssue(database.db, { slug: "2020-01", userId: editor.id, now });
    } finally {
      await database.close();
    }
    expect(await runDigestList(config)).toBe(
      "2020-01\tpublished\t2026-11-23T12:00:00.000Z\tNormwatch digest: January 2020",
    );
    expect(await runDigestQueue(config, { slug: "2020-01", now })).toBe(
      "digest issue 2020-01: 0 queued, 0 already queued (the delivery queue sends them)",
    );
    await expect(runDigestDraft(config, { month: "2020-01", now })).rejects.toThrow(
      /published and cannot be redrafted/,
    );
  });

  it("drafts every month of a range in one go, leaving a published month alone", async () => {
    const out = await runDigestDraftRange(config, { from: "2019-11", to: "2020-02", now });
    expect(out.split("\n")).toEqual([
      "2019-11: drafted, 0 items",
      "2019-12: drafted, 0 items",
      "2020-01: published, left as it is",
      "2020-02: drafted, 0 items",
      "4 months; edit and publish them at https://normwatch.example/editor/digest",
    ]);
    await expect(runDigestDraftRange(config, { from: "2020-02", to: "2019-11", now })).rejects.toThrow(
      /starts after it ends/,
    );
  });
});
