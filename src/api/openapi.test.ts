// The OpenAPI document passes an independent linter (Redocly's recommended rules) with 0 errors, every operation has
// an operationId, tags, a description and a 4xx answer, and the document's own examples work (issue 18).
import { createConfig, lintFromString } from "@redocly/openapi-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/app.js";
import { operationIdOf } from "./openapi-document.js";

interface Operation {
  operationId?: string;
  tags?: string[];
  description?: string;
  responses?: Record<string, unknown>;
  parameters?: { name: string; in: string; schema?: { example?: string } }[];
}

describe("OpenAPI document", () => {
  let t: TestApp;
  let doc: {
    paths: Record<string, Record<string, Operation>>;
    components: { securitySchemes: Record<string, unknown> };
  };
  beforeAll(async () => {
    t = await createTestApp("pglite");
    doc = (await (await t.app.request("/api/openapi.json")).json()) as typeof doc;
  });
  afterAll(async () => t?.dispose());

  it("has 0 errors under Redocly's recommended rules", async () => {
    const config = await createConfig({ extends: ["recommended"] });
    const problems = await lintFromString({ source: JSON.stringify(doc), absoluteRef: "openapi.json", config });
    const errors = problems
      .filter((p) => p.severity === "error")
      .map((p) => `${p.ruleId}: ${p.message} ${p.location[0]?.pointer ?? ""}`);
    expect(errors).toEqual([]);
    expect(Object.keys(doc.components.securitySchemes).sort()).toEqual(["bearerAuth", "cookieAuth"]);
  });

  it("gives every operation an operationId, tags, a description and a 4xx answer", () => {
    const ids = new Set<string>();
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(item)) {
        expect(op.operationId, `${method} ${path}`).toBeTruthy();
        ids.add(op.operationId!);
        expect(op.tags?.length, `${method} ${path}`).toBeGreaterThan(0);
        expect(op.description, `${method} ${path}`).toBeTruthy();
        expect(
          Object.keys(op.responses ?? {}).some((s) => s.startsWith("4")),
          `${method} ${path}`,
        ).toBe(true);
      }
    }
    expect(ids.size).toBe(Object.values(doc.paths).reduce((n, item) => n + Object.keys(item).length, 0));
    expect(operationIdOf("get", "/api/v1/states/{iso3}")).toBe("getStatesByIso3");
  });

  it("declares 405 (shared, with Allow) on every operation and 429 where a rate limit applies", () => {
    const responses = (doc as unknown as { components: { responses: Record<string, { headers?: object }> } }).components
      .responses;
    expect(Object.keys(responses["MethodNotAllowed"]?.headers ?? {})).toContain("Allow");
    expect(Object.keys(responses["TooManyRequests"]?.headers ?? {})).toContain("Retry-After");
    for (const [path, item] of Object.entries(doc.paths))
      for (const [method, op] of Object.entries(item)) {
        expect(op.responses?.["405"], `${method} ${path}`).toEqual({ $ref: "#/components/responses/MethodNotAllowed" });
        const limited = path === "/api/v1/alignment/matrix" && method === "get";
        expect(op.responses?.["429"] !== undefined, `${method} ${path}`).toBe(limited);
      }
  });

  it("says which lists take no since, because their records keep no change time", () => {
    const noSince = Object.entries(doc.paths)
      .filter(([, item]) => item["get"]?.description?.includes("No since parameter"))
      .map(([path]) => path);
    expect(noSince).toEqual(expect.arrayContaining(["/api/v1/legal-positions", "/api/v1/framework-items"]));
    expect(noSince).not.toContain("/api/v1/states");
    expect(doc.paths["/api/v1/states"]!["get"]!.parameters!.map((p) => p.name)).toContain("since");
  });

  it("answers its own example of comparing two votes", async () => {
    const params = doc.paths["/api/v1/votes/compare"]!["get"]!.parameters!;
    const example = (name: string) => params.find((p) => p.name === name)!.schema!.example!;
    const res = await t.app.request(
      `/api/v1/votes/compare?a=${encodeURIComponent(example("a"))}&b=${encodeURIComponent(example("b"))}`,
    );
    expect(res.status).toBe(200);
    // The short form its summary shows works too.
    expect((await t.app.request("/api/v1/votes/compare?a=73/187&b=74/247")).status).toBe(200);
  });
});
