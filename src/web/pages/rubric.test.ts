import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEditorialTestApp, type EditorialTestApp } from "../../../test/editorial.js";
import { getRubric } from "../../db/rubrics.js";
import { DEFAULT_RUBRIC_SLUG } from "../../domain/rubric.js";

const FORM = `/rubric/${DEFAULT_RUBRIC_SLUG}/new-version`;

describe("Rubric pages", () => {
  let t: EditorialTestApp;
  beforeAll(async () => {
    t = await createEditorialTestApp("pglite", { seed: true });
    await t.addUser("ada@example.org", "editor", "correct horse battery staple");
  });
  afterAll(async () => t?.dispose());

  it("shows the current rubric as Normwatch's methodology, with criterion ids and the traffic-light rule", async () => {
    const res = await t.app.request("/rubric");
    const html = await res.text();
    expect(res.status).toBe(200);
    expect(html).toContain("<h1>Human rights and multistakeholder criteria</h1>");
    expect(html).toContain("Normwatch&#39;s own methodology");
    expect(html).toContain("Proportionality of surveillance powers");
    expect(html).toContain("red if any criterion is rated not met");
    expect(html).not.toContain("/new-version");
  });

  it("refuses the new-version form to the anonymous public", async () => {
    expect((await t.app.request(FORM)).status).toBe(401);
    expect((await t.app.request(FORM, { method: "POST", body: new URLSearchParams({ based_on: "1" }) })).status).toBe(
      401,
    );
  });

  it("lets an editor publish version 2 by form (edit one, remove one, add one) without changing version 1", async () => {
    const agent = t.agent();
    await agent.logIn("ada@example.org", "correct horse battery staple");
    expect(await (await agent.get("/rubric")).text()).toContain(`href="${FORM}"`);
    const form = await agent.get(FORM);
    expect(form.status).toBe(200);
    const html = await form.text();
    expect(html).toContain('name="remove_4"');
    const v1 = await getRubric(t.database.db, DEFAULT_RUBRIC_SLUG, 1);
    const fields: Record<string, string> = { based_on: "1", rows: "8", title: v1.title, description: v1.description };
    v1.criteria.forEach((c, i) =>
      Object.assign(fields, { [`code_${i}`]: c.code, [`title_${i}`]: c.title, [`guidance_${i}`]: c.guidance }),
    );
    fields["title_0"] = "Human rights named as a guiding principle";
    fields["remove_4"] = "on";
    Object.assign(fields, { code_5: "data-protection", title_5: "Data protection safeguards", guidance_5: "Met: …" });
    expect((await agent.post(FORM, fields, { csrf: null })).status).toBe(403);
    const saved = await agent.post(FORM, fields);
    expect(saved.status).toBe(303);
    expect(saved.headers.get("location")).toBe(`/rubric/${DEFAULT_RUBRIC_SLUG}/v/2`);
    const v2 = await getRubric(t.database.db, DEFAULT_RUBRIC_SLUG, 2);
    expect(v2.criteria.map((c) => c.code)).toEqual([
      "human-rights-principle",
      "civil-society-consulted",
      "oversight-and-redress",
      "surveillance-proportionality",
      "data-protection",
    ]);
    expect(v2.criteria[0]!.title).toBe("Human rights named as a guiding principle");
    expect(await getRubric(t.database.db, DEFAULT_RUBRIC_SLUG, 1)).toEqual(v1);
    const page = await (await t.app.request(`/rubric/${DEFAULT_RUBRIC_SLUG}/v/1`)).text();
    expect(page).toContain("Gender considerations");
    expect(page).toContain(`href="/rubric/${DEFAULT_RUBRIC_SLUG}/v/2"`);
    // The same form again starts from a version that is no longer the newest: refused, nothing written.
    expect((await agent.post(FORM, fields)).status).toBe(409);
  });

  it("shows the form again with the problems when a draft is invalid", async () => {
    const agent = t.agent();
    await agent.logIn("ada@example.org", "correct horse battery staple");
    await agent.get(FORM);
    const res = await agent.post(FORM, {
      based_on: "2",
      rows: "2",
      title: "",
      description: "x",
      code_0: "Bad Code",
      title_0: "t",
    });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain("lower-case letters, digits and hyphens");
    expect(html).toContain('value="Bad Code"');
    // A removed row before the bad one: the problem still points at the row the editor sees.
    const again = await agent.post(FORM, {
      based_on: "2",
      rows: "2",
      title: "T",
      description: "x",
      code_0: "kept-out",
      title_0: "t",
      remove_0: "on",
      code_1: "Bad Code",
      title_1: "t",
    });
    expect(await again.text()).toContain('href="#field-code_1"');
  });
});
