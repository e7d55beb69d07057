// Browser test, JavaScript off: an editor drafts December 2019 from changes, sees the email preview in its
// sandboxed frame, publishes, and a reader finds the issue in the archive.
import { expect, it } from "vitest";
import { describeBrowser, signIn, startEditorialBrowserServer, useBrowserSetup } from "../browser.js";

const EDITOR = { email: "digest-browser@example.org", password: "a long enough passphrase" };

describeBrowser("monthly digest in a browser without JavaScript", () => {
  const setup = useBrowserSetup(async () => {
    const server = await startEditorialBrowserServer({ seed: true });
    await server.t.addUser(EDITOR.email, "editor", EDITOR.password);
    return server;
  });

  it("drafts, previews the email in a sandboxed frame, publishes, and the archive lists the issue", async () => {
    const { browser, server } = setup;
    const base = server.base;
    const context = await signIn(browser, base, EDITOR, { javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${base}/editor/digest`);
    await page.getByLabel("Month (YYYY-MM)").fill("2019-12");
    await page.getByRole("button", { name: "Draft from changes" }).click();
    await page.waitForURL(`${base}/editor/digest/2019-12`);
    await expect(page.getByLabel(/Body \(Markdown/).inputValue()).resolves.toContain("A/RES/74/247");

    await page.getByRole("link", { name: "as email" }).click();
    const frame = page.frameLocator('iframe[title="HTML part of the email"]');
    await expect(frame.getByRole("link", { name: "A/RES/74/247" }).first().getAttribute("href")).resolves.toBe(
      "http://localhost/resolutions/A/RES/74/247",
    ); // PUBLIC_URL of test apps, never the Host header
    await expect(frame.getByRole("link", { name: "Unsubscribe" }).getAttribute("href")).resolves.toBe(
      "%%UNSUBSCRIBE_URL%%",
    );
    await expect(page.locator("pre.email-text").textContent()).resolves.toContain("OEWG second substantive session");

    await page.goto(`${base}/editor/digest/2019-12`);
    await page.getByRole("button", { name: "Publish" }).click();
    await page.waitForURL(`${base}/editor/digest/2019-12?done=published`);
    await expect(page.getByRole("button", { name: "Send" }).isVisible()).resolves.toBe(true);
    await context.close();

    const reader = await browser.newContext({ javaScriptEnabled: false });
    const publicPage = await reader.newPage();
    await publicPage.goto(`${base}/`);
    await publicPage.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Digest" }).click();
    await publicPage.getByRole("link", { name: "Normwatch digest: December 2019" }).click();
    await expect(publicPage.getByRole("heading", { level: 1 }).textContent()).resolves.toBe(
      "Normwatch digest: December 2019",
    );
    await expect(
      publicPage.getByRole("heading", { level: 2, name: "UN cybercrime convention" }).isVisible(),
    ).resolves.toBe(true);
    await expect(publicPage.locator('link[rel="alternate"][href="/digest/feed.atom"]').count()).resolves.toBe(1);
    await reader.close();
  });
});
