import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test/app.js";
import { createPublisher, evidenceRecord } from "../../../test/evidence.js";

const readJson = <T>(name: string): T =>
  JSON.parse(fs.readFileSync(new URL(`../../../datasets/reference/${name}`, import.meta.url), "utf8")) as T;

describe("regional roll-up page", () => {
  let t: TestApp;
  let africanSize: number;
  beforeAll(async () => {
    t = await createTestApp();
    const states = readJson<{ unStatus: string; unRegionalGroup: string | null }[]>("states.json");
    africanSize = states.filter((s) => s.unStatus === "member" && s.unRegionalGroup === "AFRICAN").length;
    const publisher = await createPublisher(t.database.db, new Date("2026-11-23T12:00:00Z"));
    // Synthetic evidence (not real claims): Kenya implemented 13(c), Nigeria planned it.
    await publisher.publish(
      "evidence",
      evidenceRecord({
        stateIso3: "KEN",
        itemId: "13c",
        status: "implemented",
        externalUrl: "https://example.org/ken",
      }),
    );
    await publisher.publish(
      "evidence",
      evidenceRecord({ stateIso3: "NGA", itemId: "13c", status: "planned", externalUrl: "https://example.org/nga" }),
    );
  });
  afterAll(async () => t.dispose());

  const rowOf = (html: string, label: string) => {
    const start = html.indexOf(`>${label}</a>`, html.indexOf('id="rollup-heatmap"'));
    return html.slice(start, html.indexOf("</tr>", start));
  };
  const cells = (row: string) =>
    [...row.matchAll(/<td class="heat-(\d)">(\d+)\/(\d+)<span class="share">(\d+)%<\/span><\/td>/g)].map((m) => [
      Number(m[1]),
      `${m[2]}/${m[3]}`,
      `${m[4]}%`,
    ]);

  it("prints counts and shares per group and item, shaded by share, for the States with implemented evidence", async () => {
    const res = await t.app.request("/implementation");
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<a href="/implementation" aria-current="page">Implementation</a>');
    expect(html).toMatch(
      /<caption id="heatmap-caption">\s*States with evidence of status implemented per group and item of/,
    );
    const african = cells(rowOf(html, "African Group"));
    expect(african).toHaveLength(11);
    expect(african[2]).toEqual([1, `1/${africanSize}`, `${Math.round(100 / africanSize)}%`]);
    expect(african[0]).toEqual([0, `0/${africanSize}`, "0%"]);
    expect(cells(rowOf(html, "Western European and Others Group (WEOG)"))[2]![1]).toMatch(/^0\//);
    expect(html).toContain(">African Union (AU)</a>");
  });

  it("counts any status when asked, and switches framework", async () => {
    const html = await (await t.app.request("/implementation?measure=any")).text();
    expect(cells(rowOf(html, "African Group"))[2]![1]).toBe(`2/${africanSize}`);
    const osce = await (await t.app.request("/implementation?framework=osce-cbms")).text();
    expect(cells(rowOf(osce, "African Group"))).toHaveLength(16);
    expect(osce).toContain('<option value="osce-cbms" selected="">');
  });

  it("has a table per group with both measures", async () => {
    const html = await (await t.app.request("/implementation")).text();
    const start = html.indexOf("<summary>African Group");
    const table = html.slice(start, html.indexOf("</details>", start));
    expect(table).toMatch(
      new RegExp(
        `13\\(c\\)</a> [^<]+</th><td class="num">${africanSize}</td><td class="num">2</td><td class="num">\\d+%</td><td class="num">1</td>`,
      ),
    );
  });

  it("shows derived indicators per group beside the evidence, each with its dataset, without counting them as evidence (issue 16)", async () => {
    const html = await (await t.app.request("/implementation")).text();
    const section = html.slice(
      html.indexOf('id="indicators-heading"'),
      html.indexOf("</section>", html.indexOf('id="indicators-heading"')),
    );
    expect(section).toContain("They are not evidence for any norm or CBM and are not counted above.");
    expect(section).toContain(
      "<strong>Published a position on how international law applies to ICTs</strong> — positions on international law (not complete).",
    );
    const african = section.slice(
      section.indexOf(">African Group</th>"),
      section.indexOf("</tr>", section.indexOf(">African Group</th>")),
    );
    // Kenya is the one African State with a listed position, Benin and Côte d'Ivoire the sourced Budapest accessions.
    expect(african).toMatch(
      new RegExp(
        `<td>\\d+ of ${africanSize}</td><td>2 of ${africanSize}</td><td>1 of ${africanSize}</td><td>\\d+ of ${africanSize}</td>`,
      ),
    );
  });
});
