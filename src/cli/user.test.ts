import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadConfig } from "../config.js";
import { openDatabase } from "../db/client.js";
import { findPasswordTokenUser, findUserCredentials } from "../db/users.js";
import { runUserLink } from "./user.js";

describe("normwatch user add", () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "normwatch-user-"));
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it("creates the first admin without any password and prints a one-time link that sets one", async () => {
    const config = loadConfig({ DATA_DIR: dataDir, PUBLIC_URL: "https://normwatch.example/" });
    const now = new Date("2026-11-23T12:00:00Z");
    const link = await runUserLink(config, { email: " Admin@Example.org ", role: "admin", now });
    expect(link).toMatch(/^https:\/\/normwatch\.example\/account\/set-password\?token=[\w-]{43}$/);
    await expect(runUserLink(config, { email: "admin@example.org", role: "editor", now })).rejects.toThrow(
      /already exists/,
    );
    const database = await openDatabase({ dataDir });
    try {
      const found = await findUserCredentials(database.db, "admin@example.org");
      expect(found?.user.role).toBe("admin");
      expect(found?.passwordHash).toBeNull();
      const token = new URL(link).searchParams.get("token")!;
      expect((await findPasswordTokenUser(database.db, token, now))?.email).toBe("admin@example.org");
      expect(await findPasswordTokenUser(database.db, token, new Date("2026-11-27T12:00:00Z"))).toBeNull();
    } finally {
      await database.close();
    }
  });
});
