// The README says why each dependency is there: every package in package.json is named in its table.
import fs from "node:fs";
import { describe, expect, it } from "vitest";

describe("README dependency table", () => {
  it("names every dependency and dev dependency (type packages as @types/*)", () => {
    const pkg = JSON.parse(fs.readFileSync(new URL("../package.json", import.meta.url), "utf8")) as {
      dependencies: Record<string, string>;
      devDependencies: Record<string, string>;
    };
    const readme = fs.readFileSync(new URL("../README.md", import.meta.url), "utf8");
    const section = readme.slice(readme.indexOf("## Dependencies and why"));
    expect(section.length).toBeGreaterThan(100);
    const missing = [...Object.keys(pkg.dependencies), ...Object.keys(pkg.devDependencies)].filter(
      (name) => !(name.startsWith("@types/") ? section.includes("`@types/*`") : section.includes(`\`${name}\``)),
    );
    expect(missing).toEqual([]);
  });
});
