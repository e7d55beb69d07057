// Browser test: signing in works whatever the app's clock says next to the browser's, a year ahead or a year
// behind the real date (issue 13: an absolute cookie expiry from a frozen test clock made Chromium drop the
// session cookie, so every browser test that signs in failed from the day after the frozen date).
import { expect, it } from "vitest";
import { describeBrowser, signIn, startEditorialBrowserServer, useBrowserSetup } from "../browser.js";

const EDITOR = { email: "clock@example.org", password: "a long enough passphrase" };
const YEAR_MS = 365 * 24 * 3_600_000;

describeBrowser("signing in while the app's clock and the browser's disagree", () => {
  const setup = useBrowserSetup(async () => {
    const server = await startEditorialBrowserServer({ seed: false });
    await server.t.addUser(EDITOR.email, "editor", EDITOR.password);
    return server;
  });

  // The point of this test is the distance from the browser's real clock, so it reads the real date on purpose.
  it.each([
    ["a year ahead of", YEAR_MS],
    ["a year behind", -YEAR_MS],
  ])(
    "keeps the editor signed in with the app's clock %s the real date, and ends the session on the app's clock",
    async (_label, offset) => {
      const { browser, server } = setup;
      server.t.clock.set(new Date(Date.now() + offset));
      const context = await signIn(browser, server.base, EDITOR, { javaScriptEnabled: false });
      const [cookie] = (await context.cookies(server.base)).filter((c) => c.name === "nw_session");
      expect(cookie, "the browser kept the session cookie").toBeDefined();
      const page = await context.newPage();
      expect((await page.goto(`${server.base}/account`))?.status()).toBe(200);
      await expect(page.locator("main").textContent()).resolves.toContain(EDITOR.email);

      // Expiry is the server's business, on the injected clock: past the session lifetime the cookie no longer counts.
      server.t.clock.advanceMinutes(13 * 60);
      const after = await page.goto(`${server.base}/account`);
      expect(new URL(page.url()).pathname === "/login" || after?.status() === 401).toBe(true);
      await context.close();
    },
  );
});
