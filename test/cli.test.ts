// The `normwatch` command run as a child process (node bin/normwatch.js) on throwaway DATA_DIRs:
// help, argument errors, and export → import → export of a seeded embedded database.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "./server-process.js";

let root: string;
beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), "normwatch-cli-"));
});
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

function dumpText(file: string): string {
  const bytes = fs.readFileSync(file);
  return file.endsWith(".gz") ? gunzipSync(bytes).toString("utf8") : bytes.toString("utf8");
}

describe("normwatch command line", () => {
  it("prints help listing the commands and exits 0", async () => {
    const result = await runCli(["--help"], { DATA_DIR: path.join(root, "unused") });
    expect(result.code).toBe(0);
    for (const command of ["serve", "seed", "export [options]", "import [options] <file>"])
      expect(result.stdout).toContain(command);
    expect(fs.existsSync(path.join(root, "unused"))).toBe(false);
  });

  it("exits 2 (usage error) with a clear message on an unknown command, a missing argument or an unknown option", async () => {
    const env = { DATA_DIR: path.join(root, "unused") };
    const unknown = await runCli(["frobnicate"], env);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("error: unknown command 'frobnicate'");
    const missing = await runCli(["import"], env);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("error: missing required argument 'file'");
    const option = await runCli(["export", "--bogus"], env);
    expect(option.code).toBe(2);
    expect(option.stderr).toContain("error: unknown option '--bogus'");
  });

  it("prints the version from package.json with --version and exits 0", async () => {
    const result = await runCli(["--version"], { DATA_DIR: path.join(root, "unused") });
    expect(result.code).toBe(0);
    const pkg = JSON.parse(fs.readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string };
    expect(result.stdout.trim()).toBe(pkg.version);
  });

  it("names no issue numbers in command and option help texts", () => {
    const dir = new URL("../src/cli/", import.meta.url);
    for (const file of fs.readdirSync(dir).filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"))) {
      const source = fs.readFileSync(new URL(file, dir), "utf8");
      const helpTexts = [...source.matchAll(/\.(?:description|option|argument)\(([^)]*)\)/g)].map((m) => m[1]!);
      for (const text of helpTexts) expect(text, file).not.toMatch(/\bissues? #?\d+/i);
    }
  });

  it("exits 2 naming the variable when the environment is invalid", async () => {
    const result = await runCli(["export"], { DATA_DIR: path.join(root, "unused"), PORT: "not-a-port" });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("PORT");
  });

  it("exports a seeded database and imports it into a fresh DATA_DIR with the same rows; refuses a corrupt file", async () => {
    const a = path.join(root, "a");
    const b = path.join(root, "b");
    const seed = await runCli(["seed", "--json"], { DATA_DIR: a });
    expect(seed.code, seed.stderr).toBe(0);
    const seeded = JSON.parse(seed.stdout) as {
      dataset: string;
      status: string;
      counts: Record<string, { inserted: number; unchanged: number }>;
    }[];
    const states = seeded.find((d) => d.dataset === "states-and-organizations")?.counts["states"];
    expect((states?.inserted ?? 0) + (states?.unchanged ?? 0)).toBe(195);

    const dump = path.join(root, "a.ndjson.gz");
    const exported = await runCli(["export", "--out", dump], { DATA_DIR: a });
    expect(exported.code, exported.stderr).toBe(0);
    expect(exported.stderr).toMatch(/^states\t195$/m);
    expect(exported.stderr).toMatch(/exported \d+ rows from \d+ tables to .*a\.ndjson\.gz/);

    const imported = await runCli(["import", dump], { DATA_DIR: b });
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stderr).toMatch(/^states\t195$/m);

    const again = path.join(root, "b.ndjson");
    expect((await runCli(["export", "--out", again], { DATA_DIR: b })).code).toBe(0);
    expect(dumpText(again).split("\n").slice(1)).toEqual(dumpText(dump).split("\n").slice(1));

    const refused = await runCli(["import", dump], { DATA_DIR: b });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("the database already holds data");

    const corrupt = path.join(root, "corrupt.ndjson");
    fs.writeFileSync(corrupt, dumpText(dump).slice(0, 5000));
    const failed = await runCli(["import", "--replace", corrupt], { DATA_DIR: b });
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(/^normwatch: cannot import .*corrupt\.ndjson: /m);
    const after = path.join(root, "after.ndjson");
    expect((await runCli(["export", "--out", after], { DATA_DIR: b })).code).toBe(0);
    expect(dumpText(after).split("\n").slice(1)).toEqual(dumpText(dump).split("\n").slice(1));
  }, 300_000);
});
