// Browser test: an editor signs in, changes a session's start date with a source, and the public session page
// changes only after another editor approves the change.
import { expect, it } from "vitest";
import { describeBrowser, signIn, startEditorialBrowserServer, useBrowserSetup } from "../browser.js";

const SESSION = "oewg-2021-2025-oewg-first-substantive-session";
const PASSWORD = "a long enough passphrase";

describeBrowser("editorial review in a browser", () => {
  const setup = useBrowserSetup(async () => {
    const server = await startEditorialBrowserServer({ seed: true });
    await server.t.addUser("ada@example.org", "editor", PASSWORD);
    await server.t.addUser("grace@example.org", "editor", PASSWORD);
    return server;
  });

  async function publicStart(): Promise<string | null> {
    const context = await setup.browser.newContext();
    const page = await context.newPage();
    const response = await page.goto(`${setup.server.base}/sessions/${SESSION}`);
    expect(response?.status()).toBe(200);
    const start = await page.locator("main time").first().getAttribute("datetime");
    await context.close();
    return start;
  }

  it("publishes an editor's new session date only after another editor's review", async () => {
    const { browser, server } = setup;
    const base = server.base;
    expect(await publicStart()).toBe("2021-12-13");

    const ada = await signIn(browser, base, { email: "ada@example.org", password: PASSWORD });
    const page = await ada.newPage();
    await page.goto(`${base}/editor/edit/session/${SESSION}`);
    await page.getByLabel("Start").fill("2021-12-14");
    await page.getByLabel("Source URL").fill("https://meetings.unoda.org/oewg-ict/2021");
    await page.getByLabel("Source title").fill("OEWG on ICTs 2021–2025: meetings");
    await page.getByLabel("Source licence").fill("UN terms of use");
    await page.getByLabel("What does this change do?").fill("Start date per the UNODA meetings page");
    await page.getByRole("button", { name: "Submit for review" }).click();
    await page.waitForURL(/\/editor\/changes\/\d+$/);
    const changeUrl = page.url();
    await expect(page.locator(".status").textContent()).resolves.toBe("In review");
    await expect(page.locator("table.diff").textContent()).resolves.toContain("2021-12-14");
    // The author cannot approve alone: with two editors the four-eyes rule applies.
    await page.getByRole("button", { name: "Approve and publish" }).click();
    expect(await page.textContent("main")).toContain("another editor must review this change");
    expect(await publicStart()).toBe("2021-12-13");

    const grace = await signIn(browser, base, { email: "grace@example.org", password: PASSWORD });
    const review = await grace.newPage();
    await review.goto(changeUrl);
    await review.getByRole("button", { name: "Approve and publish" }).click();
    await review.waitForURL(changeUrl);
    await expect(review.locator(".status").textContent()).resolves.toBe("Published");
    expect(await publicStart()).toBe("2021-12-14");

    await review.goto(`${base}/history/session/${SESSION}`);
    expect(await review.locator(".history-entry").first().textContent()).toContain(
      "Start date per the UNODA meetings page",
    );
    await ada.close();
    await grace.close();
  });
});
