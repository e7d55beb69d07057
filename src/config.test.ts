import { describe, expect, it } from "vitest";
import fs from "node:fs";
import { CONFIG_DOCS, ConfigError, ENV_VARIABLES, loadConfig } from "./config.js";

describe("configuration", () => {
  it("defaults to the embedded database in ./data on port 3000", () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.databaseUrl).toBeUndefined();
    expect(config.dataDir.endsWith("/data")).toBe(true);
  });

  it("reads a PostgreSQL server URL and treats an empty one as unset", () => {
    expect(loadConfig({ DATABASE_URL: "postgres://u@db:5432/nw", PUBLIC_URL: "https://nw.example" }).databaseUrl).toBe(
      "postgres://u@db:5432/nw",
    );
    expect(loadConfig({ DATABASE_URL: "" }).databaseUrl).toBeUndefined();
  });

  it("requires PUBLIC_URL with a database server or mail, and otherwise links to localhost on the configured port", () => {
    expect(() => loadConfig({ DATABASE_URL: "postgres://u@db:5432/nw" })).toThrow(
      /PUBLIC_URL: required when DATABASE_URL is set/,
    );
    expect(() => loadConfig({ SMTP_URL: "smtp://mail.example:587" })).toThrow(
      /PUBLIC_URL: required when SMTP_URL is set/,
    );
    expect(loadConfig({ PORT: "8080" }).siteUrl).toBe("http://localhost:8080");
    expect(loadConfig({ PUBLIC_URL: "https://nw.example/", SMTP_URL: "smtp://mail.example:587" }).siteUrl).toBe(
      "https://nw.example",
    );
  });

  it("names every bad variable in one clear error", () => {
    try {
      loadConfig({ PORT: "eighty", DATABASE_URL: "mysql://x", LOG_LEVEL: "loud" });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const message = (error as Error).message;
      expect(message).toContain("PORT");
      expect(message).toContain("DATABASE_URL");
      expect(message).toContain("LOG_LEVEL");
    }
  });

  it("documents every variable it reads, in CONFIG_DOCS and in the README's settings table, with the same defaults", () => {
    expect(CONFIG_DOCS.map((d) => d.name).sort()).toEqual([...ENV_VARIABLES].sort());
    const readme = fs.readFileSync(new URL("../README.md", import.meta.url), "utf8");
    const rows = new Map([...readme.matchAll(/^\| `([A-Z_]+)` \| (.*?) \| (.*?) \|$/gm)].map((m) => [m[1], m[2]]));
    for (const d of CONFIG_DOCS)
      expect(rows.get(d.name), `README row for ${d.name}`).toBe(
        d.default.startsWith("(") ? d.default : `\`${d.default}\``,
      );
  });
});
