// Rate-limit headers and a 429 past the limit on an expensive endpoint, counted in the database (issue 18).
import { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDeps, type TestApp, createTestApp } from "../../test/app.js";
import { expensiveEndpointLimits } from "./rate-limit.js";

describe("expensive endpoint limits", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp("pglite");
  });
  afterAll(async () => t?.dispose());

  it("sends RateLimit headers on the alignment matrix", async () => {
    const res = await t.app.request("/api/v1/alignment/matrix");
    expect(res.status).toBe(200);
    expect(res.headers.get("ratelimit-limit")).toBe("60");
    expect(res.headers.get("ratelimit-remaining")).toBe("59");
    expect(res.headers.get("ratelimit-reset")).toBe("60");
    const again = await t.app.request("/api/v1/alignment/matrix");
    expect(again.headers.get("ratelimit-remaining")).toBe("58");
  });

  it("answers 429 with Retry-After past the limit, and counts per path", async () => {
    const now = new Date("2026-01-05T10:00:00Z");
    const deps = createTestDeps(t.database, { now: () => now });
    const app = new Hono();
    app.use(expensiveEndpointLimits(deps, [{ path: /^\/costly$/, limit: 2, windowSeconds: 30 }]));
    app.get("/costly", (c) => c.text("ok"));
    app.get("/cheap", (c) => c.text("ok"));
    expect((await app.request("/costly")).status).toBe(200);
    expect((await app.request("/costly")).headers.get("ratelimit-remaining")).toBe("0");
    const refused = await app.request("/costly");
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toBe("30");
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe("too_many_requests");
    const cheap = await app.request("/cheap");
    expect(cheap.status).toBe(200);
    expect(cheap.headers.get("ratelimit-limit")).toBeNull();
  });
});
