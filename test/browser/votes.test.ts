// Browser test: the 74/247 vote page in Chromium shows the server-rendered map and the State table (JavaScript off).
import { expect, it } from "vitest";
import { describeBrowser, startBrowserTestServer, useBrowserSetup } from "../browser.js";

describeBrowser("vote event page in a browser", () => {
  const setup = useBrowserSetup(() => startBrowserTestServer());

  it("shows A/RES/74/247 with a map coloured by vote and the table of every State, without JavaScript", async () => {
    const context = await setup.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    const response = await page.goto(`${setup.server.base}/votes/A/RES/74/247`);
    expect(response?.status()).toBe(200);
    await expect(page.locator("h1").textContent()).resolves.toBe("A/RES/74/247");
    const map = page.getByRole("img", { name: /How each State voted on A\/RES\/74\/247/ });
    await expect(map.isVisible()).resolves.toBe(true);
    const box = await map.boundingBox();
    expect(box!.width).toBeGreaterThan(300);
    expect(await page.locator("#vote-map .vote-yes").count()).toBeGreaterThan(50);
    expect(await page.locator("#vote-map .vote-no").count()).toBeGreaterThan(40);
    const usa = page.locator('#vote-map path[data-iso3="USA"]');
    expect(await usa.getAttribute("class")).toBe("vote-no");
    const fill = await usa.evaluate((el) => getComputedStyle(el).fill);
    expect(fill).toBe("rgb(213, 94, 0)");
    const table = page.getByRole("table", { name: /Vote of each State/ });
    expect(await table.locator("tbody tr").count()).toBe(193);
    const russia = table.locator("tbody tr", { hasText: "Russia" });
    await expect(russia.locator("td").last().textContent()).resolves.toBe("Yes");
    await context.close();
  });
});
