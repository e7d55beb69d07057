// Phone widths (issue 17): no main page is wider than a 320 or 390 px screen, and the navigation collapses into a
// disclosure without JavaScript, with a search box in the header. Screenshots of a few pages at 390 and 1280 px go to test-results/.
import { beforeAll, expect, it } from "vitest";
import type { BrowserContext } from "playwright-core";
import { MAIN_ROUTES } from "../main-routes.js";
import {
  describeBrowser,
  saveScreenshot,
  startBrowserTestServer,
  TEST_RESULTS_DIR,
  useBrowserSetup,
} from "../browser.js";

const WIDTHS = [320, 390];

describeBrowser("main pages on a phone", () => {
  const setup = useBrowserSetup(() => startBrowserTestServer());
  const contexts = new Map<number, BrowserContext>();
  beforeAll(async () => {
    for (const width of [...WIDTHS, 1280]) {
      contexts.set(
        width,
        await setup.browser.newContext({ viewport: { width, height: 800 }, javaScriptEnabled: false }),
      );
    }
  });

  it("fits every main route in 320 and 390 px without sideways scrolling", async () => {
    const tooWide: string[] = [];
    for (const width of WIDTHS) {
      const page = await contexts.get(width)!.newPage();
      for (const route of MAIN_ROUTES) {
        const response = await page.goto(`${setup.server.base}${route}`);
        expect(response?.status(), route).toBe(200);
        const measured = await page.evaluate(() => {
          const viewport = document.documentElement.clientWidth;
          // The widest elements that stick out, to say what to fix.
          const culprits = [...document.querySelectorAll("body *")]
            .filter((el) => el.getBoundingClientRect().right > viewport + 1)
            .slice(0, 3)
            .map(
              (el) =>
                `${el.tagName.toLowerCase()}${el.className && typeof el.className === "string" ? `.${el.className.split(" ")[0]}` : ""}`,
            );
          return { scrollWidth: document.documentElement.scrollWidth, culprits };
        });
        if (measured.scrollWidth > width)
          tooWide.push(`${route} at ${width}px: ${measured.scrollWidth}px (${measured.culprits.join(", ")})`);
      }
      await page.close();
    }
    expect(tooWide).toEqual([]);
  }, 300_000);

  it("collapses the navigation behind a Menu disclosure on a phone, without JavaScript, and shows it open on a desktop", async () => {
    const phone = await contexts.get(390)!.newPage();
    await phone.goto(`${setup.server.base}/states/FRA`);
    const menu = phone.locator("details.site-menu");
    await expect(menu.getByText("Menu").isVisible()).resolves.toBe(true);
    const link = phone.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Votes" });
    await expect(link.isVisible()).resolves.toBe(false);
    // The header stays small: the navigation no longer takes a third of the first screen.
    const headerHeight = await phone.locator(".site-header").evaluate((el) => el.getBoundingClientRect().height);
    expect(headerHeight).toBeLessThan(120);
    // The search box sits in every page's header, menu closed, and works without JavaScript.
    const search = phone.getByRole("search", { name: "Site" });
    await expect(search.getByLabel("Search Normwatch").isVisible()).resolves.toBe(true);
    await phone.screenshot({ path: `${TEST_RESULTS_DIR}/phone-390-first-screen.png` });
    await menu.locator("summary").click();
    await expect(link.isVisible()).resolves.toBe(true);
    await saveScreenshot(phone, "phone-390-menu-open");
    await search.getByLabel("Search Normwatch").fill("critical infrastructure");
    await search.getByRole("button", { name: "Find" }).click();
    await phone.waitForURL(/\/search\?q=critical\+infrastructure$/);
    await phone.close();

    const desktop = await contexts.get(1280)!.newPage();
    await desktop.goto(`${setup.server.base}/states/FRA`);
    await expect(
      desktop.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Votes" }).isVisible(),
    ).resolves.toBe(true);
    await expect(desktop.locator("details.site-menu summary").isVisible()).resolves.toBe(false);
    await expect(
      desktop.getByRole("search", { name: "Site" }).getByLabel("Search Normwatch").isVisible(),
    ).resolves.toBe(true);
    await desktop.screenshot({ path: `${TEST_RESULTS_DIR}/desktop-1280-first-screen.png` });
    await desktop.close();
  }, 120_000);

  it("scrolls a wide table inside its own labelled, focusable box", async () => {
    const page = await contexts.get(390)!.newPage();
    await page.goto(`${setup.server.base}/states/FRA/votes`);
    const region = page.getByRole("region", { name: "Votes on cyber resolutions" });
    await expect(region.getAttribute("tabindex")).resolves.toBe("0");
    const overflows = await region.evaluate((el) => el.scrollWidth > el.clientWidth);
    const box = await region.boundingBox();
    expect(box!.width).toBeLessThanOrEqual(390);
    // When the table is wider than the screen, the box (not the page) scrolls.
    if (overflows) await expect(region.evaluate((el) => getComputedStyle(el).overflowX)).resolves.toBe("auto");
    await page.close();
  }, 60_000);

  it("takes screenshots at 390 and 1280 px", async () => {
    for (const width of [390, 1280]) {
      const page = await contexts.get(width)!.newPage();
      for (const [route, name] of [
        ["/states/FRA", "state-fra"],
        ["/capacity-building", "capacity-building"],
        ["/votes/A/RES/74/247", "vote-74-247"],
      ] as const) {
        await page.goto(`${setup.server.base}${route}`);
        await saveScreenshot(page, `phone-${name}-${width}`);
      }
      await page.close();
    }
  }, 120_000);
});
