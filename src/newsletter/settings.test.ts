import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadConfig } from "../config.js";
import { newsletterSettingsFrom, resolveNewsletterSecret, SECRET_FILE } from "./settings.js";

describe("the newsletter link secret", () => {
  const dirs: string[] = [];
  const tempDir = () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "nw-secret-"));
    dirs.push(dir);
    return dir;
  };
  afterEach(() => {
    for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
  });

  it("uses NEWSLETTER_SECRET when it is set", () => {
    const secret = "x".repeat(40);
    expect(
      resolveNewsletterSecret(
        { newsletterSecret: secret, databaseUrl: "postgres://db/nw", dataDir: "/nonexistent" },
        () => {},
      ),
    ).toEqual({ secret });
  });

  it("on the embedded database generates one in DATA_DIR, readable by the owner only, says so, and keeps it", () => {
    const dataDir = tempDir();
    const log: string[] = [];
    const first = resolveNewsletterSecret({ newsletterSecret: undefined, databaseUrl: undefined, dataDir }, (l) =>
      log.push(l),
    );
    expect(first.secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const file = path.join(dataDir, SECRET_FILE);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(log.join("\n")).toContain(file);
    expect(
      resolveNewsletterSecret({ newsletterSecret: undefined, databaseUrl: undefined, dataDir }, () => {}).secret,
    ).toBe(first.secret);
  });

  it("with DATABASE_URL and no NEWSLETTER_SECRET switches newsletter features off and says why", () => {
    const log: string[] = [];
    const result = resolveNewsletterSecret(
      { newsletterSecret: undefined, databaseUrl: "postgres://db/nw", dataDir: tempDir() },
      (l) => log.push(l),
    );
    expect(result.secret).toBeUndefined();
    expect(result.disabledReason).toContain("NEWSLETTER_SECRET");
    expect(log).toHaveLength(1);
  });

  it("reads the sending settings from the environment", () => {
    const config = loadConfig({
      DATA_DIR: tempDir(),
      NEWSLETTER_SECRET: "s".repeat(32),
      PUBLIC_URL: "https://nw.example",
      SEND_MAX_ATTEMPTS: "7",
      SEND_RATE_PER_SECOND: "2",
      SUBSCRIBE_CONFIRM_HOURS: "24",
      SMTP_URL: "smtp://u:p@mail.example:587",
    });
    expect(config.smtpUrl).toBe("smtp://u:p@mail.example:587");
    expect(newsletterSettingsFrom(config, () => {})).toMatchObject({
      baseUrl: "https://nw.example",
      confirmHours: 24,
      ratePerSecond: 2,
      policy: { maxAttempts: 7 },
    });
    expect(() => loadConfig({ SMTP_URL: "http://mail.example" })).toThrow(/SMTP_URL/);
    expect(() => loadConfig({ NEWSLETTER_SECRET: "short" })).toThrow(/NEWSLETTER_SECRET/);
  });
});
