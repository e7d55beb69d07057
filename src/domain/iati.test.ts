import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { InvalidInputError } from "./errors.js";
import { findProgrammeGaps, parseIatiActivities, programmeFromIati, programmeIdFromIati } from "./iati.js";

// SYNTHETIC fixture (see its header comment): follows IATI 2.03, invented content.
const FIXTURE = fs.readFileSync(new URL("../../test/fixtures/iati/activities.synthetic.xml", import.meta.url), "utf8");

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
    const r = parseIatiActivities(`<?xml version="1.0"?><iati-activity default-currency="GBP"><iati-identifier>XX-SYNTH-ONE</iati-identifier><title><narrative>One</narrative></title><budget><value>10.5</value></budget></iati-activity>`);
    expect(r.activities).toEqual([expect.objectContaining({ iatiIdentifier: "XX-SYNTH-ONE", budget: "10.50", currency: "GBP", position: 1 })]);
  });
  it("reports an activity with a bad date or budget and still reads the rest", () => {
    const xml = `<iati-activities>
      <iati-activity><iati-identifier>XX-SYNTH-A</iati-identifier><title><narrative>A</narrative></title><activity-date type="1" iso-date="soon"/></iati-activity>
      <iati-activity><iati-identifier>XX-SYNTH-B</iati-identifier><title><narrative>B</narrative></title><budget><value currency="EUR">1e9</value></budget></iati-activity>
      <iati-activity><iati-identifier>XX-SYNTH-C</iati-identifier><title><narrative>C</narrative></title></iati-activity>
    </iati-activities>`;
    const r = parseIatiActivities(xml);
    expect(r.activities.map((a) => a.iatiIdentifier)).toEqual(["XX-SYNTH-C"]);
    expect(r.problems.map((p) => [p.position, p.iatiIdentifier])).toEqual([[1, "XX-SYNTH-A"], [2, "XX-SYNTH-B"]]);
  });
});

describe("programmeFromIati", () => {
  it("maps alpha-2 recipient countries to ISO3 through the States given and reports unknown codes", () => {
    const activity = parseIatiActivities(FIXTURE).activities[1]!;
    const { programme, unknownCountries } = programmeFromIati(activity, new Map([["BR", "BRA"], ["KE", "KEN"]]));
    expect(programme.beneficiaryStates).toEqual(["BRA"]);
    expect(unknownCountries).toEqual(["ZZ"]);
    expect(programme.id).toBe("iati-xx-synth-0002");
  });
  it("makes stable slug ids", () => {
    expect(programmeIdFromIati("GB-GOV-1-300123")).toBe("iati-gb-gov-1-300123");
  });
});

describe("findProgrammeGaps", () => {
  it("lists, per beneficiary State, the addressed items with no published evidence there", () => {
    const gaps = findProgrammeGaps({ beneficiaryStates: ["KEN", "GHA"], itemIds: ["13a", "13c"] }, new Map([["KEN", new Set(["13a"])]]));
    expect(gaps).toEqual([{ stateIso3: "KEN", itemIds: ["13c"] }, { stateIso3: "GHA", itemIds: ["13a", "13c"] }]);
  });
});
