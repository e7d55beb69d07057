// Browser test of the page frame and tables (QA pass): every page in standards mode (a doctype first), table cells
// that keep words, symbols, dates and totals whole at 390 and 1280 px, the vote page's State table in a bounded box
// under the map, the phone menu's button staying put when opened, and notices that wrap between words.
import { beforeAll, expect, it } from "vitest";
import type { BrowserContext, Page } from "playwright-core";
import { MAIN_ROUTES } from "../main-routes.js";
import { describeBrowser, saveScreenshot, startBrowserTestServer, useBrowserSetup } from "../browser.js";

/** Pages whose tables the QA pass saw broken into fragments ("A/RE S/ 53 /7 0", "Decem ber", "Y e s"). */
const TABLE_PAGES = [
  "/resolutions",
  "/votes/A/RES/74/247",
  "/alignment?a=Brazil&b=China",
  "/participation",
  "/processes/global-mechanism-ict-2026",
  "/votes/compare?a=73/187&b=74/247",
];
const WIDTHS = [390, 1280];

/** The words of every table cell in main laid out on more than one line, e.g. `"December" in td (2 lines)`. */
function wordsBrokenInTables(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const broken: string[] = [];
    for (const cell of document.querySelectorAll("main td, main th")) {
      const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        // A word may wrap after its hyphen or dash ("Asia-|Pacific"), as text does, but nowhere else.
        for (const word of (node.textContent ?? "").matchAll(/[^\s\-–—]+[-–—]?|[-–—]/g)) {
          const range = document.createRange();
          range.setStart(node, word.index);
          range.setEnd(node, word.index + word[0].length);
          // One rectangle per line the word occupies (none when the cell is hidden).
          const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
          if (lines.size > 1) broken.push(`"${word[0]}" in ${cell.tagName.toLowerCase()} (${lines.size} lines)`);
        }
      }
    }
    return broken;
  });
}

describeBrowser("page frame and tables in a browser", () => {
  const setup = useBrowserSetup(() => startBrowserTestServer());
  const contexts = new Map<number, BrowserContext>();
  beforeAll(async () => {
    for (const width of WIDTHS)
      contexts.set(
        width,
        await setup.browser.newContext({ viewport: { width, height: 900 }, javaScriptEnabled: false }),
      );
  });

  it("renders every main route in standards mode, the doctype first", async () => {
    const page = await contexts.get(1280)!.newPage();
    const quirky: string[] = [];
    for (const route of MAIN_ROUTES) {
      const response = await page.goto(`${setup.server.base}${route}`);
      expect(response?.status(), route).toBe(200);
      const start = (await response!.text()).slice(0, 15);
      const mode = await page.evaluate(() => document.compatMode);
      if (start !== "<!DOCTYPE html>" || mode !== "CSS1Compat") quirky.push(`${route}: ${mode}, starts ${start}`);
    }
    expect(quirky).toEqual([]);
    await page.close();
  }, 300_000);

  it("keeps a resolution symbol and its adoption date on one line each, at 390 and 1280 px", async () => {
    for (const width of WIDTHS) {
      const page = await contexts.get(width)!.newPage();
      await page.goto(`${setup.server.base}/resolutions`);
      const row = page.locator("#resolutions-table tbody tr", { has: page.getByRole("link", { name: "A/RES/53/70" }) });
      const measured = await row.evaluate((tr) => {
        const lineHeight = (el: Element) => parseFloat(getComputedStyle(el).lineHeight);
        const link = tr.querySelector("th a")!;
        const date = tr.querySelector("time")!;
        const totals = [...document.querySelectorAll("#resolutions-table .totals")];
        return {
          linkLines: link.getClientRects().length,
          linkHeight: link.getBoundingClientRect().height,
          linkLineHeight: lineHeight(link),
          dateLines: date.getClientRects().length,
          date: date.textContent,
          totalsCount: totals.length,
          totalsOnSeveralLines: totals.filter((t) => t.getClientRects().length > 1).map((t) => t.textContent),
        };
      });
      expect(measured.date, `${width}px`).toBe("4 December 1998");
      expect(measured.linkLines, `${width}px`).toBe(1);
      // One line high (an inline box is as high as its font's content area, at most the line height).
      expect(measured.linkHeight, `${width}px`).toBeLessThanOrEqual(measured.linkLineHeight);
      expect(measured.dateLines, `${width}px`).toBe(1);
      // Nor does a vote's yes–no–abstain split at its dashes.
      expect(measured.totalsCount).toBeGreaterThan(10);
      expect(measured.totalsOnSeveralLines, `${width}px`).toEqual([]);
      await page.close();
    }
  }, 120_000);

  it("breaks no word inside a table cell and no page wider than the screen, at 390 and 1280 px", async () => {
    const problems: string[] = [];
    for (const width of WIDTHS) {
      const page = await contexts.get(width)!.newPage();
      for (const route of TABLE_PAGES) {
        const response = await page.goto(`${setup.server.base}${route}`);
        expect(response?.status(), route).toBe(200);
        const broken = await wordsBrokenInTables(page);
        if (broken.length) problems.push(`${route} at ${width}px: ${broken.slice(0, 5).join(", ")}`);
        const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
        if (scrollWidth > width) problems.push(`${route} at ${width}px is ${scrollWidth}px wide`);
      }
      await page.close();
    }
    expect(problems).toEqual([]);
  }, 300_000);

  it("shows the vote page's map across the page and the State table under it in a box that scrolls, nothing cut", async () => {
    const page = await contexts.get(1280)!.newPage();
    await page.goto(`${setup.server.base}/votes/A/RES/74/247`);
    const map = page.locator("figure#vote-map");
    const region = page.getByRole("region", { name: "Vote of each State (193)" });
    const mapBox = (await map.boundingBox())!;
    const regionBox = (await region.boundingBox())!;
    const mainWidth = await page.locator("main").evaluate((el) => el.clientWidth);
    expect(mapBox.width).toBeGreaterThan(mainWidth * 0.9);
    expect(regionBox.y).toBeGreaterThanOrEqual(mapBox.y + mapBox.height);
    // A bounded box that scrolls its 193 rows, within the screen's height, with nothing hidden sideways.
    const box = await region.evaluate((el) => ({
      scrollHeight: el.scrollHeight,
      clientHeight: el.clientHeight,
      scrollWidth: el.scrollWidth,
      clientWidth: el.clientWidth,
      overflowY: getComputedStyle(el).overflowY,
    }));
    expect(box.overflowY).toBe("auto");
    expect(box.scrollHeight).toBeGreaterThan(box.clientHeight);
    expect(box.clientHeight).toBeLessThanOrEqual(900);
    expect(box.scrollWidth).toBeLessThanOrEqual(box.clientWidth);
    const andorra = region.locator("tbody tr", { hasText: "Andorra" });
    await expect(andorra.locator("td").first().textContent()).resolves.toBe("Western European and Others Group (WEOG)");
    // Scrolled down, the column headings stay at the top of the box.
    await region.evaluate((el) => el.scrollTo(0, 2000));
    const headingTop = await region
      .locator("thead th")
      .first()
      .evaluate((th) => th.getBoundingClientRect().top);
    expect(Math.abs(headingTop - (await region.boundingBox())!.y)).toBeLessThan(2);
    await saveScreenshot(page, "layout-vote-74-247-1280");
    await page.close();
  }, 60_000);

  it("keeps the phone menu's button in place, right of the brand, when the menu opens", async () => {
    const page = await contexts.get(390)!.newPage();
    await page.goto(`${setup.server.base}/states/FRA`);
    const summary = page.locator("details.site-menu summary");
    const closed = (await summary.boundingBox())!;
    const brand = (await page.locator(".site-header .brand").boundingBox())!;
    expect(closed.x).toBeGreaterThan(brand.x + brand.width);
    await summary.click();
    const votes = page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Votes" });
    await expect(votes.isVisible()).resolves.toBe(true);
    const open = (await summary.boundingBox())!;
    expect({ x: Math.round(open.x), y: Math.round(open.y) }).toEqual({
      x: Math.round(closed.x),
      y: Math.round(closed.y),
    });
    // The opened navigation comes under the brand and its button.
    expect((await votes.boundingBox())!.y).toBeGreaterThan(open.y + open.height);
    await page.close();
  }, 60_000);

  it("wraps a notice between words and breaks only a token longer than the line", async () => {
    const page = await contexts.get(390)!.newPage();
    await page.goto(`${setup.server.base}/subscribe`);
    const measured = await page.evaluate(() => {
      const notice = document.createElement("p");
      notice.className = "notice";
      const address = "digest.subscriber.with.a.long.address@normwatch.example";
      notice.textContent = `Subscribed: we sent a confirmation link to ${address}; nothing else arrives until you open it.`;
      document.querySelector("main")!.prepend(notice);
      const text = notice.firstChild!;
      const addressAt = notice.textContent.indexOf(address);
      const broken: string[] = [];
      for (const word of notice.textContent.matchAll(/[A-Za-z]+/g)) {
        // The address may break anywhere; the English words around it may not.
        if (word.index >= addressAt && word.index < addressAt + address.length) continue;
        const range = document.createRange();
        range.setStart(text, word.index);
        range.setEnd(text, word.index + word[0].length);
        if (new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size > 1) broken.push(word[0]);
      }
      return { broken, fits: notice.scrollWidth <= notice.clientWidth, wordBreak: getComputedStyle(notice).wordBreak };
    });
    expect(measured.wordBreak).toBe("normal");
    expect(measured.broken).toEqual([]);
    expect(measured.fits).toBe(true);
    await page.close();
  }, 60_000);
});
