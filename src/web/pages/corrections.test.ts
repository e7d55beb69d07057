import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_DRIVERS } from "../../../test/database.js";
import { createEditorialTestApp, type Agent, type EditorialTestApp } from "../../../test/editorial.js";

const SESSION = "oewg-2021-2025-oewg-second-substantive-session";
const PASSWORD = "a long enough passphrase";

async function openForm(agent: Agent): Promise<string> {
  const html = await (await agent.get(`/corrections/new?kind=session&id=${SESSION}`)).text();
  return /name="started" value="([^"]+)"/.exec(html)![1]!;
}

describe.each(TEST_DRIVERS)("correction requests on $label", ({ driver, skip }) => {
  let t: EditorialTestApp;
  beforeAll(async () => {
    if (skip) return;
    t = await createEditorialTestApp(driver, { seed: true });
    await t.addUser("ada@example.org", "editor", PASSWORD);
    await t.addUser("grace@example.org", "editor", PASSWORD);
  });
  afterAll(async () => t?.dispose());

  const request = {
    kind: "session",
    id: SESSION,
    message: "The venue was New York, as the UNODA meetings page says.",
    evidence_url: "https://meetings.unoda.org/oewg-ict/2021",
    email: "reader@example.org",
    website: "",
  };

  it.skipIf(skip)(
    "takes a request from the public, through an editor's change and another's approval, and tells the requester",
    async () => {
      const reader = t.agent();
      const started = await openForm(reader);
      const tooFast = await reader.post("/corrections", { ...request, started });
      expect(tooFast.status).toBe(400);
      t.clock.advanceMinutes(1);
      const sent = await reader.post("/corrections", { ...request, started });
      expect(sent.status).toBe(303);
      expect(sent.headers.get("location")).toBe("/corrections/thanks");

      const ada = t.agent();
      await ada.logIn("ada@example.org", PASSWORD);
      const queue = await (await ada.get("/editor/corrections")).text();
      expect(queue).toContain("The venue was New York");
      const correctionId = /\?correction=(\d+)/.exec(queue)![1]!;
      const form = await (await ada.get(`/editor/edit/session/${SESSION}?correction=${correctionId}`)).text();
      expect(form).toContain(`name="_correction_id" value="${correctionId}"`);
      const current = (await (await t.app.request(`/api/v1/sessions/${SESSION}`)).json()) as {
        name: string;
        start: { value: string } | null;
        end: { value: string } | null;
        venue: string | null;
        notes: string | null;
      };
      const saved = await ada.post("/editor/changes", {
        _kind: "session",
        _operation: "update",
        _record_id: SESSION,
        _correction_id: correctionId,
        id: SESSION,
        processId: "oewg-2021-2025",
        name: current.name,
        kind: "substantive",
        start: current.start?.value ?? "",
        end: current.end?.value ?? "",
        venue: "New York (UN Headquarters)",
        notes: current.notes ?? "",
        confidence: "high",
        source_url: request.evidence_url,
        source_title: "OEWG on ICTs: meetings",
        source_licence: "UN terms of use",
        _summary: "Venue per correction request",
        _action: "submit",
      });
      expect(saved.status).toBe(303);
      const changePath = saved.headers.get("location")!;
      expect((await (await t.app.request(`/api/v1/sessions/${SESSION}`)).json()) as { venue: string }).toMatchObject({
        venue: current.venue,
      });

      const grace = t.agent();
      await grace.logIn("grace@example.org", PASSWORD);
      await grace.get(changePath);
      const approved = await grace.post(`${changePath}/review`, { decision: "approve", note: "matches the source" });
      expect(approved.status).toBe(303);
      expect(((await (await t.app.request(`/api/v1/sessions/${SESSION}`)).json()) as { venue: string }).venue).toBe(
        "New York (UN Headquarters)",
      );
      expect(t.mail.at(-1)).toMatchObject({
        to: "reader@example.org",
        subject: expect.stringContaining("was published"),
      });
      expect(await (await ada.get("/editor/corrections")).text()).not.toContain("The venue was New York");
    },
  );

  it.skipIf(skip)("drops a request whose honeypot is filled, without storing it", async () => {
    const bot = t.agent();
    const started = await openForm(bot);
    t.clock.advanceMinutes(1);
    const res = await bot.post("/corrections", {
      ...request,
      message: "Buy cheap watches at our shop today",
      started,
      website: "https://spam.example",
    });
    expect(res.status).toBe(303);
    const ada = t.agent();
    await ada.logIn("ada@example.org", PASSWORD);
    expect(await (await ada.get("/editor/corrections")).text()).not.toContain("cheap watches");
  });

  it.skipIf(skip)("refuses a forged fill time and limits requests per address", async () => {
    const reader = t.agent();
    const started = await openForm(reader);
    const forged = await reader.post("/corrections", { ...request, started: `${Date.parse("2026-01-01")}.forged` });
    expect(forged.status).toBe(400);
    t.clock.advanceMinutes(1);
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await reader.post("/corrections", { ...request, started })).status);
    expect(statuses).toContain(429);
  });
});
