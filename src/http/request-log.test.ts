// Every request gets an id, echoed as X-Request-Id and written in its log line; a well-formed incoming id is
// kept, anything else replaced; the log and the metrics name the route pattern, never the raw path.
import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { createLogger } from "../logger.js";
import { REQUEST_ID_HEADER, requestContext } from "./request-log.js";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function build() {
  const lines: string[] = [];
  const observed: { method: string; route: string; status: number }[] = [];
  const logger = createLogger("debug", { format: "json", write: (line) => lines.push(line) });
  const app = new Hono();
  app.use(requestContext({ logger, observe: ({ method, route, status }) => observed.push({ method, route, status }) }));
  app.get("/api/v1/states/:iso3", (c) => c.json({ iso3: c.req.param("iso3"), requestId: c.get("requestId") }));
  app.get("/boom", () => {
    throw new Error("boom");
  });
  app.get("/healthz", (c) => c.text("ok"));
  app.onError((error, c) => {
    logger.error(error.message, { requestId: c.get("requestId"), err: error });
    return c.text("sorry", 500);
  });
  const entries = () => lines.map((l) => JSON.parse(l) as Record<string, unknown>);
  return { app, entries, observed };
}

describe("request ids and the request log", () => {
  it("gives each request a new id, echoes it, hands it to handlers and logs it with the route pattern", async () => {
    const { app, entries, observed } = build();
    const first = await app.request("/api/v1/states/FRA");
    const second = await app.request("/api/v1/states/DEU");
    const id = first.headers.get(REQUEST_ID_HEADER) ?? "";
    expect(id).toMatch(UUID);
    expect(second.headers.get(REQUEST_ID_HEADER)).not.toBe(id);
    expect(((await first.json()) as { requestId: string }).requestId).toBe(id);
    expect(entries()[0]).toMatchObject({
      level: "info",
      requestId: id,
      method: "GET",
      path: "/api/v1/states/FRA",
      route: "/api/v1/states/:iso3",
      status: 200,
    });
    expect(typeof entries()[0]?.["durationMs"]).toBe("number");
    expect(observed).toEqual([
      { method: "GET", route: "/api/v1/states/:iso3", status: 200 },
      { method: "GET", route: "/api/v1/states/:iso3", status: 200 },
    ]);
  });

  it("keeps a well-formed incoming X-Request-Id (a proxy's) and replaces one that could forge a log line", async () => {
    const { app } = build();
    const kept = await app.request("/healthz", { headers: { [REQUEST_ID_HEADER]: "edge-01HF3Q7ZK9:42" } });
    expect(kept.headers.get(REQUEST_ID_HEADER)).toBe("edge-01HF3Q7ZK9:42");
    for (const bad of ["has space", "x".repeat(200), 'quote"inside', "tab\tinside"]) {
      const replaced = await app.request("/healthz", { headers: { [REQUEST_ID_HEADER]: bad } });
      expect(replaced.headers.get(REQUEST_ID_HEADER)).toMatch(UUID);
    }
  });

  it("echoes the id on errors and unknown paths too; the error line carries the same id; 404s are one route", async () => {
    const { app, entries, observed } = build();
    const failed = await app.request("/boom");
    expect(failed.status).toBe(500);
    const id = failed.headers.get(REQUEST_ID_HEADER);
    expect(id).toMatch(UUID);
    const lines = entries().filter((e) => e["requestId"] === id);
    expect(lines.map((e) => e["level"])).toEqual(["error", "info"]);
    expect(lines[1]).toMatchObject({ route: "/boom", status: 500 });
    const missing = await app.request("/no/such/thing");
    expect(missing.status).toBe(404);
    expect(missing.headers.get(REQUEST_ID_HEADER)).toMatch(UUID);
    expect(observed.at(-1)).toEqual({ method: "GET", route: "unmatched", status: 404 });
  });

  it("logs health checks at debug level only (they come every few seconds)", async () => {
    const { app, entries } = build();
    await app.request("/healthz");
    expect(entries()[0]).toMatchObject({ level: "debug", route: "/healthz" });
  });
});
