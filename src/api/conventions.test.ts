import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "csv-parse/sync";
import { createTestApp, type TestApp } from "../../test/app.js";
import { paginationLinks, prefersCsv } from "./conventions.js";

describe("API conventions (issue 18)", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp("pglite");
  });
  afterAll(async () => t?.dispose());

  it("answers an unknown query parameter with a 400 problem naming the allowed ones", async () => {
    // ?sort= is a parameter of the lists now (list-params.ts); ?order= and ?format= on /states are not.
    expect((await t.app.request("/api/v1/states?sort=name")).status).toBe(200);
    for (const query of ["order=name", "format=csv"]) {
      const res = await t.app.request(`/api/v1/states?${query}`);
      expect(res.status).toBe(400);
      expect(res.headers.get("content-type")).toBe("application/problem+json");
      const body = (await res.json()) as {
        type: string;
        title: string;
        status: number;
        detail: string;
        error: { code: string; message: string };
      };
      expect(body).toMatchObject({
        type: "about:blank",
        title: "Bad Request",
        status: 400,
        error: { code: "invalid_input" },
      });
      expect(body.detail).toContain(`'${query.split("=")[0]}'`);
      expect(body.detail).toContain("allowed: ");
      expect(body.detail).toContain("per_page");
      expect(body.error.message).toBe(body.detail);
    }
    expect((await t.app.request("/api/v1/search?q=norms&documnet=x")).status).toBe(400);
  });

  it("answers a wrong method on a known path with 405 and Allow, whoever asks", async () => {
    for (const method of ["DELETE", "POST", "PUT"]) {
      const res = await t.app.request("/api/v1/states/che", { method });
      expect(res.status).toBe(405);
      expect(res.headers.get("allow")).toBe("GET, HEAD, OPTIONS");
      const body = (await res.json()) as { status: number; error: { code: string } };
      expect(body).toMatchObject({ status: 405, error: { code: "method_not_allowed" } });
    }
    expect((await t.app.request("/api/v1/nothing-here", { method: "DELETE" })).status).not.toBe(405);
  });

  it("lets a page on another origin read public answers, and preflights reads only", async () => {
    const res = await t.app.request("/api/v1/states?per_page=5", { headers: { origin: "https://notebook.example" } });
    expect(res.status).toBe(200);
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    expect(res.headers.get("access-control-allow-credentials")).toBeNull();
    const again = await t.app.request("/api/v1/states?per_page=5", { headers: { origin: "https://notebook.example" } });
    expect(again.headers.get("access-control-allow-origin")).toBe("*");

    const preflight = await t.app.request("/api/v1/states", {
      method: "OPTIONS",
      headers: {
        origin: "https://notebook.example",
        "access-control-request-method": "GET",
        "access-control-request-headers": "if-none-match",
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-origin")).toBe("*");
    expect(preflight.headers.get("access-control-allow-methods")).toBe("GET, HEAD");

    const write = await t.app.request("/api/v1/changes", {
      method: "OPTIONS",
      headers: { origin: "https://evil.example", "access-control-request-method": "POST" },
    });
    expect(write.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("sends Link headers for pagination beside meta", async () => {
    const res = await t.app.request("/api/v1/states?organization=EU&per_page=10&page=2");
    const link = res.headers.get("link") ?? "";
    expect(link).toContain('</api/v1/states?organization=EU&per_page=10&page=1>; rel="first"');
    expect(link).toContain('page=1>; rel="prev"');
    expect(link).toContain('page=3>; rel="next"');
    expect(link).toContain('page=3>; rel="last"');
  });

  it("honours Accept: text/csv where ?format=csv is documented", async () => {
    const res = await t.app.request("/api/v1/legal-positions", { headers: { accept: "text/csv" } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/csv");
    expect(res.headers.get("vary")).toContain("Accept");
    const rows = parse(await res.text(), { bom: true }) as string[][];
    expect(rows.length).toBeGreaterThan(0);
    const json = await t.app.request("/api/v1/legal-positions", {
      headers: { accept: "application/json, text/csv;q=0.5" },
    });
    expect(json.headers.get("content-type")).toContain("application/json");
  });

  it("keeps not-found answers as problem details with the old error member", async () => {
    const res = await t.app.request("/api/v1/states/xxx");
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    expect(await res.json()).toMatchObject({ status: 404, title: "Not Found", error: { code: "not_found" } });
  });
});

describe("convention helpers", () => {
  it("prefers CSV only when Accept ranks it above JSON", () => {
    expect(prefersCsv("text/csv")).toBe(true);
    expect(prefersCsv("text/csv, application/json;q=0.9")).toBe(true);
    expect(prefersCsv("application/json, text/csv")).toBe(false);
    expect(prefersCsv("*/*")).toBe(false);
    expect(prefersCsv(undefined)).toBe(false);
  });

  it("links a single page to itself as first and last", () => {
    expect(paginationLinks(new URL("http://x/api/v1/states"), { total: 3, page: 1, per_page: 50 })).toBe(
      '</api/v1/states?page=1&per_page=50>; rel="first", </api/v1/states?page=1&per_page=50>; rel="last"',
    );
  });
});
