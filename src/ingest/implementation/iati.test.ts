import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { InvalidInputError } from "../../domain/errors.js";
import { parseIatiActivities, programmeFromIati, programmeIdFromIati } from "./iati.js";

// SYNTHETIC fixture (see its header comment): follows IATI 2.03, invented content.
const FIXTURE = fs.readFileSync(
  new URL("../../../test/fixtures/iati/activities.synthetic.xml", import.meta.url),
  "utf8",
);

describe("parseIatiActivities", () => {
  const result = parseIatiActivities(FIXTURE);
  const [first, second] = result.activities;

  it("reads every good activity and reports the bad one (no iati-identifier) by position", () => {
    expect(result.activities.map((a) => a.iatiIdentifier)).toEqual(["XX-SYNTH-0001", "XX-SYNTH-0002"]);
    expect(result.problems).toEqual([{ position: 3, iatiIdentifier: null, message: "no iati-identifier" }]);
  });
  it("maps title (English narrative, entities decoded), general description, funders (role 1) and implementers (role 4)", () => {
    expect(first).toMatchObject({
      title: "Strengthening national CERTs & incident response (synthetic)",
      description: "Synthetic activity: workshops on incident response and points of contact.",
      funders: ["Synthetic Funding Agency", "Second Synthetic Donor"],
      implementers: ["XX-SYNTH-IMPL"],
      recipientCountries: ["KE", "GH"],
      region: "South of Sahara (289)",
    });
  });
  it("prefers actual to planned dates and keeps day precision", () => {
    expect(first!.start).toEqual({ date: "2024-03-01", precision: "day" });
    expect(first!.end).toEqual({ date: "2026-12-31", precision: "day" });
    expect(second!.end).toEqual({ date: "2023-06-30", precision: "day" });
  });
  it("sums budget periods exactly in the activity's default currency, and uses revised budgets when there are any", () => {
    expect(first).toMatchObject({ budget: "350000.50", currency: "EUR" });
    expect(second).toMatchObject({ budget: "6000.00", currency: "USD" });
  });
  it("refuses hostile XML: DOCTYPE/ENTITY declarations (billion laughs, external entities) and malformed files", () => {
    const laughs = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]><iati-activities><iati-activity><iati-identifier>&lol2;</iati-identifier></iati-activity></iati-activities>`;
    expect(() => parseIatiActivities(laughs)).toThrow(/DOCTYPE/);
    const xxe = `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><iati-activities/>`;
    expect(() => parseIatiActivities(xxe)).toThrow(InvalidInputError);
    expect(() => parseIatiActivities("<iati-activities><iati-activity>")).toThrow(/not well-formed/);
    expect(() => parseIatiActivities("<html><body/></html>")).toThrow(/no iati-activity/);
  });
  it("reads a file whose root is a single iati-activity", () => {
    const r = parseIatiActivities(
      `<?xml version="1.0"?><iati-activity default-currency="GBP"><iati-identifier>XX-SYNTH-ONE</iati-identifier><title><narrative>One</narrative></title><budget><value>10.5</value></budget></iati-activity>`,
    );
    expect(r.activities).toEqual([
      expect.objectContaining({ iatiIdentifier: "XX-SYNTH-ONE", budget: "10.50", currency: "GBP", position: 1 }),
    ]);
  });
  it("reports an activity with a bad date or budget and still reads the rest", () => {
    const xml = `<iati-activities>
      <iati-activity><iati-identifier>XX-SYNTH-A</iati-identifier><title><narrative>A</narrative></title><activity-date type="1" iso-date="soon"/></iati-activity>
      <iati-activity><iati-identifier>XX-SYNTH-B</iati-identifier><title><narrative>B</narrative></title><budget><value currency="EUR">1e9</value></budget></iati-activity>
      <iati-activity><iati-identifier>XX-SYNTH-C</iati-identifier><title><narrative>C</narrative></title></iati-activity>
    </iati-activities>`;
    const r = parseIatiActivities(xml);
    expect(r.activities.map((a) => a.iatiIdentifier)).toEqual(["XX-SYNTH-C"]);
    expect(r.problems.map((p) => [p.position, p.iatiIdentifier])).toEqual([
      [1, "XX-SYNTH-A"],
      [2, "XX-SYNTH-B"],
    ]);
  });
  it("reads a narrative without xml:lang in the activity's language (xml:lang, or default-language in older files)", () => {
    const activity = (attrs: string) =>
      `<iati-activity ${attrs}><iati-identifier>XX-SYNTH-L</iati-identifier><title><narrative xml:lang="fr">Renforcement des CERT</narrative><narrative>Strengthening CERTs</narrative></title><participating-org role="1"><narrative xml:lang="fr">Agence</narrative><narrative>Agency</narrative></participating-org></iati-activity>`;
    for (const attrs of ['xml:lang="en"', 'default-language="en"']) {
      expect(parseIatiActivities(`<iati-activities>${activity(attrs)}</iati-activities>`).activities[0]).toMatchObject({
        title: "Strengthening CERTs",
        funders: ["Agency"],
      });
    }
    expect(
      parseIatiActivities(`<iati-activities xml:lang="en">${activity("")}</iati-activities>`).activities[0]!.title,
    ).toBe("Strengthening CERTs");
    // An activity in French: no narrative is English, so the first one is taken.
    expect(
      parseIatiActivities(`<iati-activities>${activity('xml:lang="fr"')}</iati-activities>`).activities[0]!.title,
    ).toBe("Renforcement des CERT");
  });
  it("adds the revised budget of a revised period to the original budgets of the periods never revised", () => {
    const budget = (type: number, start: string, end: string, value: string) =>
      `<budget type="${type}"><period-start iso-date="${start}"/><period-end iso-date="${end}"/><value currency="EUR" value-date="${start}">${value}</value></budget>`;
    const xml = `<iati-activity><iati-identifier>XX-SYNTH-R</iati-identifier><title><narrative>R</narrative></title>${budget(1, "2024-01-01", "2024-12-31", "100000")}${budget(1, "2025-01-01", "2025-12-31", "100000")}${budget(2, "2025-01-01", "2025-12-31", "150000")}</iati-activity>`;
    expect(parseIatiActivities(xml).activities[0]).toMatchObject({ budget: "250000.00", currency: "EUR" });
  });
  it("keeps an activity whose budget value has three decimals, rounding the total to the stored cents with a warning", () => {
    const xml = `<iati-activity default-currency="USD"><iati-identifier>XX-SYNTH-D</iati-identifier><title><narrative>D</narrative></title><budget type="1"><value>1000.125</value></budget><budget type="1"><value>+.5</value></budget></iati-activity>`;
    const r = parseIatiActivities(xml);
    expect(r.problems).toEqual([]);
    expect(r.activities[0]).toMatchObject({ budget: "1000.63", currency: "USD" });
    expect(r.warnings).toEqual([
      {
        position: 1,
        iatiIdentifier: "XX-SYNTH-D",
        message: "budget total 1000.625 rounded to 1000.63 (two decimals are stored)",
      },
    ]);
    const exact = parseIatiActivities(xml.replace("1000.125", "1000.250")).activities[0]!;
    expect(exact.budget).toBe("1000.75");
  });
});

describe("programmeFromIati", () => {
  it("maps alpha-2 recipient countries to ISO3 through the States given and reports unknown codes", () => {
    const activity = parseIatiActivities(FIXTURE).activities[1]!;
    const { programme, unknownCountries } = programmeFromIati(
      activity,
      new Map([
        ["BR", "BRA"],
        ["KE", "KEN"],
      ]),
    );
    expect(programme.beneficiaryStates).toEqual(["BRA"]);
    expect(unknownCountries).toEqual(["ZZ"]);
    expect(programme.id).toBe("iati-xx-synth-0002");
  });
  it("makes stable slug ids", () => {
    expect(programmeIdFromIati("GB-GOV-1-300123")).toBe("iati-gb-gov-1-300123");
  });
});
