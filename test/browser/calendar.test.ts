// Browser test: the calendar page in Chromium without JavaScript (month grid, filter form, list view) and
// subscribing to a process's iCalendar feed from the page, checked with an independent parser.
import fs from "node:fs";
import ICAL from "ical.js";
import { expect, it } from "vitest";
import { describeBrowser, saveScreenshot, startBrowserTestServer, useBrowserSetup } from "../browser.js";

describeBrowser("calendar page in a browser", () => {
  const setup = useBrowserSetup(() => startBrowserTestServer({ now: new Date("2022-06-15T12:00:00Z") }));

  it("shows the month, filters it with the form and switches to the list, all without JavaScript", async () => {
    const context = await setup.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    expect((await page.goto(`${setup.server.base}/calendar`))?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 2, name: "June 2022" }).isVisible()).resolves.toBe(true);
    const grid = page.getByRole("table", { name: "Sessions and deadlines in June 2022" });
    await expect(
      grid.getByRole("link", { name: /Deadline: OEWG 2021–2025: silence procedure/ }).isVisible(),
    ).resolves.toBe(true);
    await expect(
      grid
        .getByRole("link", { name: /AHC second intersessional consultation/ })
        .first()
        .isVisible(),
    ).resolves.toBe(true);
    await saveScreenshot(page, "calendar-month");

    await page.getByLabel("Process").selectOption("ahc-cybercrime-2022-2024");
    await page.getByRole("button", { name: "Show" }).click();
    expect(new URL(page.url()).searchParams.get("process")).toBe("ahc-cybercrime-2022-2024");
    await expect(grid.getByRole("link", { name: /silence procedure/ }).count()).resolves.toBe(0);
    await expect(
      grid
        .getByRole("link", { name: /AHC second intersessional consultation/ })
        .first()
        .isVisible(),
    ).resolves.toBe(true);

    await page.getByRole("link", { name: "List" }).click();
    const upcoming = page.locator("ul.event-list").first();
    await expect(upcoming.textContent()).resolves.toContain("AHC third session");
    await context.close();
  });

  it("subscribes to a process feed from the page and downloads one event", async () => {
    const context = await setup.browser.newContext({ javaScriptEnabled: false, acceptDownloads: true });
    const page = await context.newPage();
    await page.goto(`${setup.server.base}/calendar?process=oewg-2021-2025&month=2022-06`);
    const subscribe = page.getByRole("link", { name: "Sessions and deadlines of the OEWG 2021–2025 (iCalendar)" });
    const href = await subscribe.getAttribute("href");
    expect(href).toBe("/feeds/processes/oewg-2021-2025.ics");
    const feed = await page.request.get(`${setup.server.base}${href}`);
    expect(feed.headers()["content-type"]).toContain("text/calendar");
    const calendar = new ICAL.Component(ICAL.parse(await feed.text()));
    const uids = calendar.getAllSubcomponents("vevent").map((v) => String(v.getFirstPropertyValue("uid")));
    // UIDs are in the configured site's domain (PUBLIC_URL of test apps), never the Host header's.
    const host = "localhost";
    expect(uids).toContain(`session-oewg-2021-2025-oewg-third-substantive-session@${host}`);
    expect(uids).toContain(`deadline-oewg-2021-2025-non-ecosoc-accreditation-2022-closes@${host}`);

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: /Add to calendar \(\.ics\): Deadline: OEWG 2021–2025/ }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("deadline-oewg-2021-2025-non-ecosoc-accreditation-2022-closes.ics");
    const text = fs.readFileSync((await download.path())!, "utf8");
    expect(text).toContain("DTSTART;VALUE=DATE:20220630");
    await context.close();
  });
});
