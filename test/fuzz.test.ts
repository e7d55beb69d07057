// A bounded, deterministic fuzzer over every route of the app (from the app's own route list), its query
// parameters (the OpenAPI document's and the site's forms') and form fields, as the public, a signed-in admin and
// an API token with every scope: malformed input must be answered 4xx, never 5xx (issue 13).
import type { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertApiToken } from "../src/db/api-tokens.js";
import { insertAuthSession } from "../src/db/auth-sessions.js";
import { API_TOKEN_SCOPES } from "../src/domain/vocabulary.js";
import { createEditorialTestApp, type EditorialTestApp } from "./editorial.js";

/** Cases per run: a few thousand, the same ones every run (the seed below). */
const CASES = 3000;
const SEED = 0x13_2026;

/** Values that broke the app before, and their kin: NUL, bad percent-encoding, newlines, overlong and odd text. */
const NASTY = [
  "%00",
  "a%00b",
  "%25",
  "%",
  "%Z9",
  "%C0%AF",
  "%E0%A4%A",
  "%ED%A0%80",
  "%FF",
  "%0A",
  "%0D%0Aset-cookie:%20x=1",
  "%09",
  "/%09/evil.example",
  "//evil.example",
  "/\\evil.example",
  "%2F%2Fevil.example",
  "..%2F..%2Fetc%2Fpasswd",
  "-1",
  "0",
  "99999999999999999999",
  "1e309",
  "NaN",
  "2026-13-45",
  "0000-00-00",
  "'%20OR%201=1--",
  "%3Cscript%3E",
  "%F0%9F%98%80",
  "%EF%BF%BF",
  "true",
  "null",
  "%5B%5D",
  "a,b,,c",
  "%20",
  "",
  "x".repeat(3000),
  "%E2%80%AE",
];

/** Plausible values per path parameter name, so handlers run past the lookup too. */
const EXAMPLES: Record<string, string[]> = {
  iso3: ["CHE", "che", "USA"],
  id: [
    "1",
    "2",
    "oewg-2021-2025",
    "oewg-2021-2025-oewg-first-substantive-session",
    "13k",
    "A/RES/74/247",
    "bra-first-cyber-strategy",
    "eu",
  ],
  symbol: ["A/RES/74/247", "A%2FRES%2F74%2F247"],
  slug: ["2019-12", "A-RES-74-247", "default"],
  kind: ["session", "state", "process", "evidence"],
  code: ["CHE", "FRA"],
  group: ["WEOG", "eu"],
  version: ["1", "2"],
  file: ["oewg-2021-2025.ics", "CHE.atom", "13k.rss", "2021-12-13.ics", "ahc.ics"],
};

/** Query parameter and form field names every route is also tried with. */
const COMMON_NAMES = [
  "q",
  "page",
  "limit",
  "cursor",
  "next",
  "format",
  "month",
  "from",
  "to",
  "state",
  "states",
  "process",
  "token",
  "email",
  "password",
  "kind",
  "id",
  "lang",
  "view",
  "sort",
];

type Rng = () => number;

/** mulberry32: a small seeded generator, so a failing case is the same on every machine. */
function createRng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(rng: Rng, list: readonly T[]): T => list[Math.floor(rng() * list.length)]!;

/** A value as it appears in a URL or form body: already percent-encoded where it should be, raw where it should not. */
function fuzzValue(rng: Rng, name: string): string {
  const roll = rng();
  const examples = EXAMPLES[name];
  if (examples && roll < 0.3) return pick(rng, examples);
  if (examples && roll < 0.45) return pick(rng, examples) + pick(rng, NASTY);
  if (roll < 0.55)
    return encodeURIComponent(String.fromCharCode(Math.floor(rng() * 0x2000)).repeat(1 + Math.floor(rng() * 5)));
  return pick(rng, NASTY);
}

interface Route {
  method: string;
  path: string;
}

/** A concrete path for a route template: each :param (with or without a {pattern}) and * filled in. */
function fillPath(rng: Rng, template: string): string {
  return template
    .replace(/:([A-Za-z0-9_]+)(\{(?:[^{}]|\{[^}]*\})*\})?/g, (_m, name: string) => fuzzValue(rng, name))
    .replace(/\*/g, () => [fuzzValue(rng, "id"), fuzzValue(rng, "id")].slice(0, 1 + Math.floor(rng() * 2)).join("/"));
}

interface Identity {
  label: string;
  headers(): Promise<Record<string, string>>;
}

interface Case {
  identity: string;
  method: string;
  url: string;
  body?: string;
}

describe("fuzzing every route's parameters and form fields", () => {
  let t: EditorialTestApp;
  let app: Hono;
  let routes: Route[];
  const queryNames = new Map<string, string[]>();
  const formFields = new Map<string, string[]>();
  let identities: Identity[];

  beforeAll(async () => {
    t = await createEditorialTestApp("pglite", { seed: true });
    app = t.app;
    const admin = await t.addUser("fuzz-admin@example.org", "admin", "a long enough passphrase");
    const seen = new Set<string>();
    routes = app.routes
      .filter((r) => ["GET", "POST", "PUT", "PATCH", "DELETE"].includes(r.method))
      .filter((r) => !seen.has(`${r.method} ${r.path}`) && seen.add(`${r.method} ${r.path}`))
      .map((r) => ({ method: r.method, path: r.path }));

    // Query parameters of the API, from its OpenAPI document (paths there use {param}).
    const openapi = (await (await app.request("/api/openapi.json")).json()) as {
      paths: Record<string, Record<string, { parameters?: { name: string; in: string }[] }>>;
    };
    for (const [path, operations] of Object.entries(openapi.paths)) {
      const honoPath = `/api/v1${path.replace(/^\/api\/v1/, "")}`.replace(/\{([^}]+)\}/g, ":$1");
      for (const operation of Object.values(operations)) {
        const names = (operation.parameters ?? []).filter((p) => p.in === "query").map((p) => p.name);
        if (names.length) queryNames.set(honoPath, [...new Set([...(queryNames.get(honoPath) ?? []), ...names])]);
      }
    }

    // Form fields of the site, from the forms on its pages as an admin sees them (actions named by the route list).
    const session = await insertAuthSession(t.database.db, { userId: admin.id, now: t.clock.now, lifetimeHours: 12 });
    const adminCookie = `nw_session=${session.token}`;
    for (const route of routes.filter((r) => r.method === "GET" && !r.path.startsWith("/api/"))) {
      const res = await app.request(
        fillPath(
          createRng(1),
          route.path.replace(
            /:([A-Za-z0-9_]+)(\{(?:[^{}]|\{[^}]*\})*\})?/g,
            (_m, name: string) => EXAMPLES[name]?.[0] ?? "1",
          ),
        ),
        {
          headers: { cookie: adminCookie },
        },
      );
      const html = await res.text();
      for (const form of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)) {
        const action = /action="([^"]*)"/.exec(form[1]!)?.[1] ?? route.path;
        const method = (/method="([^"]*)"/.exec(form[1]!)?.[1] ?? "get").toLowerCase();
        const names = [...form[2]!.matchAll(/\bname="([^"]+)"/g)].map((m) => m[1]!).filter((n) => n !== "_csrf");
        const key = method === "post" ? action.split("?")[0]! : route.path;
        const target = method === "post" ? formFields : queryNames;
        target.set(key, [...new Set([...(target.get(key) ?? []), ...names])]);
      }
    }

    const { secret } = await insertApiToken(t.database.db, {
      userId: admin.id,
      name: "fuzz",
      scopes: [...API_TOKEN_SCOPES],
      now: t.clock.now,
    });
    const anonymous = await app.request("/login");
    const csrfCookie = anonymous.headers
      .getSetCookie()
      .map((c) => c.split(";")[0]!)
      .join("; ");
    const anonymousToken = /name="_csrf" value="([^"]+)"/.exec(await anonymous.text())![1]!;
    identities = [
      { label: "public", headers: async () => ({ cookie: csrfCookie, "x-csrf-token": anonymousToken }) },
      {
        label: "admin session",
        // A fresh session per case: a fuzzed sign-out, password change or account change must not end the run's.
        headers: async () => {
          const s = await insertAuthSession(t.database.db, { userId: admin.id, now: t.clock.now, lifetimeHours: 12 });
          return { cookie: `nw_session=${s.token}`, "x-csrf-token": s.csrfToken };
        },
      },
      { label: "API token", headers: async () => ({ authorization: `Bearer ${secret}` }) },
    ];
  });
  afterAll(async () => {
    await t?.dispose();
  });

  /** The names a route is fuzzed with: its own (OpenAPI, forms) when known, and a few common ones. */
  function namesFor(map: Map<string, string[]>, route: Route, concretePath: string): string[] {
    return [...(map.get(route.path) ?? []), ...(map.get(concretePath) ?? []), ...COMMON_NAMES];
  }

  function buildCase(rng: Rng, route: Route, identity: string): Case {
    const path = fillPath(rng, route.path);
    const query = Array.from({ length: Math.floor(rng() * 4) }, () => {
      const name = pick(rng, namesFor(queryNames, route, path));
      return `${encodeURIComponent(name)}=${fuzzValue(rng, name)}`;
    });
    const url = query.length ? `${path}?${query.join("&")}` : path;
    if (route.method === "GET") return { identity, method: route.method, url };
    const fields = Array.from({ length: Math.floor(rng() * 6) }, () => {
      const name = pick(rng, namesFor(formFields, route, path));
      return `${encodeURIComponent(name)}=${fuzzValue(rng, name)}`;
    });
    return { identity, method: route.method, url, body: fields.join("&") };
  }

  async function run(c: Case, identity: Identity): Promise<number> {
    const headers: Record<string, string> = await identity.headers();
    const init: RequestInit = { method: c.method, headers };
    if (c.body !== undefined) {
      const isJson = c.url.startsWith("/api/");
      headers["content-type"] = isJson ? "application/json" : "application/x-www-form-urlencoded";
      init.body = isJson ? JSON.stringify(Object.fromEntries(new URLSearchParams(c.body))) : c.body;
    }
    const res = await app.request(c.url, init);
    // "Not ready yet, ask again" (the public dump before its first file is built) is an answer, not a server error.
    if (res.status === 503 && res.headers.get("retry-after")) return 200;
    return res.status;
  }

  it(
    `answers ${CASES} malformed requests with no 5xx`,
    async () => {
      // A fuzzer that found no routes, fields or identities would pass having sent nothing of interest.
      expect(routes.length).toBeGreaterThan(100);
      expect(routes.some((r) => r.method === "POST" && !r.path.startsWith("/api/"))).toBe(true);
      expect(queryNames.size).toBeGreaterThan(20);
      expect(formFields.size).toBeGreaterThan(10);
      expect(identities).toHaveLength(3);
      const rng = createRng(SEED);
      const failures: string[] = [];
      // The three reported in issue 13 first, then the generated cases; every route is visited in turn.
      const fixed: Case[] = [
        { identity: "public", method: "GET", url: "/api/v1/states?q=%00" },
        { identity: "public", method: "GET", url: "/votes/%25" },
        { identity: "public", method: "GET", url: "/api/v1/votes/%C0%AF" },
        { identity: "admin session", method: "GET", url: "/login?next=%0A" },
        { identity: "public", method: "POST", url: "/login", body: "email=a%40b.example&password=x&next=%2Feditor%0A" },
        { identity: "admin session", method: "POST", url: "/editor/changes/99999999999999999999/submit", body: "" },
        { identity: "public", method: "GET", url: "/api/v1/evidence/99999999999999999999" },
      ];
      const cases = [
        ...fixed,
        ...Array.from({ length: CASES }, (_, i) =>
          buildCase(rng, routes[i % routes.length]!, pick(rng, identities).label),
        ),
      ];
      for (const c of cases) {
        const identity = identities.find((i) => i.label === c.identity)!;
        let status: number;
        try {
          status = await run(c, identity);
        } catch (error) {
          failures.push(
            `${c.identity} ${c.method} ${c.url}${c.body ? ` body ${c.body}` : ""}: threw ${(error as Error).message}`,
          );
          continue;
        }
        if (status >= 500)
          failures.push(
            `${c.identity} ${c.method} ${c.url.slice(0, 300)}${c.body ? ` body ${c.body.slice(0, 300)}` : ""}: ${status}`,
          );
      }
      expect(failures, `${failures.length} of ${cases.length} cases answered 5xx`).toEqual([]);
    },
    30 * 60_000,
  );
});
