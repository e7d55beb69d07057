// Browser test (issue 17): axe-core on the pages of the vote, alignment and taking-part stories finds nothing serious or critical.
import { createRequire } from "node:module";
import { expect, it } from "vitest";
import { describeBrowser, startBrowserTestServer, useBrowserSetup } from "../browser.js";

const AXE_PATH = createRequire(import.meta.url).resolve("axe-core/axe.min.js");
const PAGES = [
  "/votes",
  "/votes/A/RES/74/247",
  "/votes/compare?a=73/187&b=74/247",
  "/alignment?a=Brazil&b=France",
  "/processes",
  "/processes/global-mechanism-ict-2026",
  "/sessions/global-mechanism-ict-2026-global-mechanism-first-substantive-plenary-session",
];

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

describeBrowser("accessibility of the analysis and taking-part pages", () => {
  const setup = useBrowserSetup(() => startBrowserTestServer());

  it("has no serious or critical axe-core finding on any of them", async () => {
    // axe is injected as an inline script, which the site's CSP rightly refuses: bypass it for the test only.
    const context = await setup.browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
    const page = await context.newPage();
    const findings: string[] = [];
    for (const path of PAGES) {
      await page.goto(`${setup.server.base}${path}`);
      await page.addScriptTag({ path: AXE_PATH });
      const violations = await page.evaluate(async () => {
        const axe = (
          window as unknown as {
            axe: { run: (context: Document, options: object) => Promise<{ violations: AxeViolation[] }> };
          }
        ).axe;
        return (await axe.run(document, { resultTypes: ["violations"] })).violations;
      });
      for (const v of violations) {
        if (v.impact === "serious" || v.impact === "critical")
          findings.push(
            `${path}: ${v.id} (${v.impact}) ${v.help}: ${v.nodes
              .slice(0, 3)
              .map((n) => n.target.join(" "))
              .join(", ")}`,
          );
      }
    }
    expect(findings).toEqual([]);
    await context.close();
  });
});
