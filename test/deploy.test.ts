// The deployment files, tested as far as a machine without a container engine allows: the compose file
// parses and wires app, PostgreSQL and volumes with settings the app accepts; the image is multi-stage, runs
// as a non-root user and starts what the README's start command starts; the systemd unit passes
// `systemd-analyze verify` (when systemd-analyze is installed).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { ENV_VARIABLES, loadConfig } from "../src/config.js";
import { MIGRATIONS_FOLDER } from "../src/db/migrate.js";
import { DATASETS_DIR } from "../src/ingest/seed.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const read = (file: string) => fs.readFileSync(path.join(ROOT, file), "utf8");

// ---- compose.yaml -------------------------------------------------------------------------------------

interface ComposeService {
  image?: string;
  build?: unknown;
  environment?: Record<string, string>;
  volumes?: string[];
  ports?: string[];
  depends_on?: Record<string, { condition?: string }>;
  healthcheck?: { test?: string[] | string };
}
interface ComposeFile {
  services: Record<string, ComposeService>;
  volumes?: Record<string, unknown>;
}

/** Compose's variable interpolation: ${VAR}, ${VAR:-default} and ${VAR:?error} (enough for our file). */
function interpolate(value: string, env: Record<string, string>): string {
  return value.replace(
    /\$\{([A-Z0-9_]+)(?:(:-|:\?)([^}]*))?\}/g,
    (_m, name: string, op: string | undefined, arg: string | undefined) => {
      const set = env[name];
      if (set !== undefined && set !== "") return set;
      if (op === ":?") throw new Error(`${name}: ${arg ?? "required"}`);
      return op === ":-" ? (arg ?? "") : "";
    },
  );
}

const compose = parse(read("compose.yaml")) as ComposeFile;
const composeEnv = { POSTGRES_PASSWORD: "0123456789abcdef0123456789abcdef", NEWSLETTER_SECRET: "k".repeat(44) };

describe("compose.yaml", () => {
  const app = compose.services["app"];
  const db = compose.services["db"];

  it("runs the app from this folder's Dockerfile after a healthy PostgreSQL 14 or newer", () => {
    expect(app?.build).toBe(".");
    expect(db?.image).toMatch(/^postgres:(\d+)/);
    expect(Number(/^postgres:(\d+)/.exec(db?.image ?? "")?.[1])).toBeGreaterThanOrEqual(14);
    expect(app?.depends_on?.["db"]?.condition).toBe("service_healthy");
    expect(JSON.stringify(db?.healthcheck?.test)).toContain("pg_isready");
  });

  it("gives the app DATABASE_URL, PUBLIC_URL and NEWSLETTER_SECRET from the environment, which the app's config accepts", () => {
    const env = Object.fromEntries(
      Object.entries(app?.environment ?? {}).map(([k, v]) => [k, interpolate(String(v), composeEnv)]),
    );
    expect(Object.keys(env).filter((k) => !ENV_VARIABLES.includes(k))).toEqual([]);
    for (const name of ["DATABASE_URL", "PUBLIC_URL", "NEWSLETTER_SECRET"])
      expect(app?.environment?.[name]).toMatch(/\$\{/);
    const config = loadConfig(env);
    expect(config.newsletterSecret).toBe(composeEnv.NEWSLETTER_SECRET);
    expect(config.publicUrl).toBe("http://localhost:3000");
    const url = new URL(config.databaseUrl ?? "");
    expect(url.hostname).toBe("db");
    expect(url.password).toBe(composeEnv.POSTGRES_PASSWORD);
    expect(url.username).toBe(db?.environment?.["POSTGRES_USER"]);
    expect(url.pathname).toBe(`/${db?.environment?.["POSTGRES_DB"]}`);
    expect(interpolate(db?.environment?.["POSTGRES_PASSWORD"] ?? "", composeEnv)).toBe(composeEnv.POSTGRES_PASSWORD);
    expect(
      loadConfig({
        ...env,
        PUBLIC_URL: interpolate(app?.environment?.["PUBLIC_URL"] ?? "", {
          ...composeEnv,
          PUBLIC_URL: "https://nw.example.org",
        }),
      }).publicUrl,
    ).toBe("https://nw.example.org");
  });

  it("refuses to start without the database password and the newsletter secret", () => {
    expect(() =>
      interpolate(app?.environment?.["DATABASE_URL"] ?? "", { NEWSLETTER_SECRET: composeEnv.NEWSLETTER_SECRET }),
    ).toThrow(/POSTGRES_PASSWORD/);
    expect(() => interpolate(app?.environment?.["NEWSLETTER_SECRET"] ?? "", { POSTGRES_PASSWORD: "x" })).toThrow(
      /NEWSLETTER_SECRET/,
    );
  });

  it("keeps the database and DATA_DIR on declared named volumes, and publishes the app on loopback only", () => {
    const mounts = (service: ComposeService | undefined) =>
      Object.fromEntries((service?.volumes ?? []).map((v) => v.split(":")).map(([name, target]) => [target, name]));
    const pgVolume = mounts(db)["/var/lib/postgresql/data"];
    const dataVolume = mounts(app)[dockerfileEnv()["DATA_DIR"] ?? "?"];
    expect(pgVolume).toBeTruthy();
    expect(dataVolume).toBeTruthy();
    expect(Object.keys(compose.volumes ?? {})).toEqual(expect.arrayContaining([pgVolume, dataVolume]));
    expect(app?.ports).toEqual(["127.0.0.1:3000:3000"]);
    expect(db?.ports).toBeUndefined();
  });
});

// ---- Dockerfile ---------------------------------------------------------------------------------------

interface Instruction {
  keyword: string;
  args: string;
  stage: number;
}

/** The Dockerfile's instructions with continuation lines joined and comments dropped. */
function dockerfileInstructions(): Instruction[] {
  const joined = read("Dockerfile")
    .split("\n")
    .filter((line) => !/^\s*#/.test(line))
    .join("\n")
    .replace(/\\\n/g, " ");
  let stage = -1;
  return joined
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const [keyword = "", ...rest] = line.split(/\s+/);
      const upper = keyword.toUpperCase();
      if (upper === "FROM") stage += 1;
      return { keyword: upper, args: rest.join(" "), stage };
    });
}

function dockerfileEnv(): Record<string, string> {
  const final = dockerfileInstructions().filter(
    (i) => i.stage === Math.max(...dockerfileInstructions().map((x) => x.stage)),
  );
  return Object.fromEntries(
    final
      .filter((i) => i.keyword === "ENV")
      .flatMap((i) => [...i.args.matchAll(/([A-Z_]+)=(\S+)/g)].map((m) => [m[1], m[2]])),
  );
}

/** What the README's quick start runs: `npm start` → package.json's start script → the CLI with its arguments. */
function readmeStartCommand(): { entry: string; args: string[] } {
  const readme = read("README.md");
  const quickStart = readme.slice(readme.indexOf("## Quick start"), readme.indexOf("## Settings"));
  expect(quickStart).toMatch(/npm install && npm start/);
  const pkg = JSON.parse(read("package.json")) as { scripts: Record<string, string> };
  const [runner, entry = "", ...args] = (pkg.scripts["start"] ?? "").split(/\s+/);
  expect(runner).toBe("tsx");
  return { entry, args };
}

describe("Dockerfile", () => {
  const instructions = dockerfileInstructions();
  const finalStage = Math.max(...instructions.map((i) => i.stage));
  const final = instructions.filter((i) => i.stage === finalStage);

  it("is multi-stage: dependencies installed with npm ci, the islands built by Vite, and only the results copied into the last stage", () => {
    expect(finalStage).toBeGreaterThanOrEqual(1);
    const runs = instructions.filter((i) => i.keyword === "RUN").map((i) => i.args);
    expect(runs.some((r) => /npm ci\b/.test(r) && /--omit=dev/.test(r))).toBe(true);
    expect(runs.some((r) => /npm run build:islands/.test(r))).toBe(true);
    expect(final.some((i) => i.keyword === "RUN" && /npm (ci|install)/.test(i.args))).toBe(false);
    const fromStages = final.filter((i) => i.keyword === "COPY" && i.args.startsWith("--from=")).map((i) => i.args);
    expect(fromStages.some((a) => a.includes("node_modules"))).toBe(true);
    expect(fromStages.some((a) => a.includes("dist/assets"))).toBe(true);
    expect(instructions.find((i) => i.keyword === "ARG" && i.args.startsWith("NODE_IMAGE="))?.args).toMatch(
      /=node:20[-.]/,
    );
  });

  it("runs as a non-root user, set before the command", () => {
    const users = final.filter((i) => i.keyword === "USER");
    expect(users.length).toBeGreaterThan(0);
    const user = users.at(-1)?.args ?? "";
    expect(user).not.toMatch(/^(root|0)(:|$)/);
    expect(final.indexOf(users.at(-1) as Instruction)).toBeLessThan(final.findIndex((i) => i.keyword === "CMD"));
  });

  it("starts what the README's start command starts (normwatch serve) as PID 1, without npm in between", () => {
    const cmd = JSON.parse(final.find((i) => i.keyword === "CMD")?.args ?? "null") as string[];
    const start = readmeStartCommand();
    expect(cmd[0]).toBe("node");
    const bin = read(cmd[1] ?? "");
    expect(bin).toContain(`import("../${start.entry}")`);
    expect(cmd.slice(2)).toEqual(start.args);
    expect(read("README.md")).toMatch(/`normwatch serve` \| serve the site and API \(what `npm start` runs\)/);
  });

  it("copies every folder the app reads at run time, keeps DATA_DIR on a volume and checks /healthz", () => {
    const copied = final
      .filter((i) => i.keyword === "COPY")
      .map((i) => i.args.split(/\s+/).at(-1)?.replace(/^\.\//, "").replace(/\/$/, ""));
    for (const folder of [
      path.relative(ROOT, MIGRATIONS_FOLDER),
      path.relative(ROOT, DATASETS_DIR),
      "src",
      "bin",
      "dist/assets",
      "node_modules",
    ])
      expect(copied).toContain(folder);
    expect(final.find((i) => i.keyword === "COPY" && i.args.endsWith(" ./"))?.args).toMatch(
      /package\.json.*tsconfig\.json/,
    );
    const env = dockerfileEnv();
    expect(Object.keys(env).filter((k) => k !== "NODE_ENV" && !ENV_VARIABLES.includes(k))).toEqual([]);
    expect(loadConfig(env).port).toBe(3000);
    expect(final.find((i) => i.keyword === "VOLUME")?.args).toBe(JSON.stringify([env["DATA_DIR"]]));
    expect(final.find((i) => i.keyword === "EXPOSE")?.args).toBe(env["PORT"]);
    expect(final.find((i) => i.keyword === "HEALTHCHECK")?.args).toMatch(/\/healthz/);
  });

  it("copies only sources that exist and that .dockerignore leaves in the build context", () => {
    const ignored = read(".dockerignore")
      .split("\n")
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith("#"));
    const sources = instructions
      .filter((i) => i.keyword === "COPY" && !i.args.startsWith("--from="))
      .flatMap((i) => i.args.split(/\s+/).slice(0, -1));
    expect(sources.length).toBeGreaterThan(0);
    for (const source of sources) {
      expect(fs.existsSync(path.join(ROOT, source)), source).toBe(true);
      expect(ignored, source).not.toContain(source);
    }
    for (const secretish of [".env", "data", "node_modules", ".git"]) expect(ignored).toContain(secretish);
  });
});

// ---- systemd unit and its environment file ------------------------------------------------------------

const UNIT = "deploy/normwatch.service";
const systemdAnalyze = spawnSync("sh", ["-c", "command -v systemd-analyze"], { encoding: "utf8" }).stdout.trim();
const SYSTEMD_SKIP = "skipped: systemd-analyze not found (apt-get install -y systemd)";

function unitSettings(): Map<string, string[]> {
  const settings = new Map<string, string[]>();
  for (const line of read(UNIT).split("\n")) {
    const m = /^([A-Za-z]+)=(.*)$/.exec(line.trim());
    if (m?.[1]) settings.set(m[1], [...(settings.get(m[1]) ?? []), m[2] ?? ""]);
  }
  return settings;
}

describe("systemd unit", () => {
  const settings = unitSettings();
  const one = (key: string) => settings.get(key)?.at(-1);

  it("starts what the README's start command starts, as its own user, with settings from an EnvironmentFile", () => {
    const start = readmeStartCommand();
    const [node, bin, ...args] = (one("ExecStart") ?? "").split(/\s+/);
    expect(node).toMatch(/\/node$/);
    expect(read(bin ?? "")).toContain(`import("../${start.entry}")`);
    expect(args).toEqual(start.args);
    expect(one("User")).toBe("normwatch");
    expect(one("EnvironmentFile")).toMatch(/^\/etc\/normwatch\//);
    expect(one("StateDirectory")).toBe("normwatch");
    expect(settings.get("Environment")).toContain("DATA_DIR=/var/lib/normwatch");
  });

  it("is hardened: no new privileges, no capabilities, a read-only system and a system-call filter", () => {
    expect(one("NoNewPrivileges")).toBe("yes");
    expect(one("CapabilityBoundingSet")).toBe("");
    expect(one("ProtectSystem")).toBe("strict");
    expect(one("ProtectHome")).toBe("yes");
    expect(one("PrivateTmp")).toBe("yes");
    expect(one("SystemCallFilter")).toBe("@system-service");
    // V8 needs writable, executable memory: this setting would kill node at start.
    expect(settings.has("MemoryDenyWriteExecute")).toBe(false);
  });

  it.skipIf(!systemdAnalyze)(
    systemdAnalyze
      ? "passes systemd-analyze verify without a warning"
      : `passes systemd-analyze verify (${SYSTEMD_SKIP})`,
    () => {
      // The unit names /usr/bin/node (Debian's and NodeSource's packages); verify checks that it is executable,
      // so a copy points at the node running this test wherever it is installed.
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), "normwatch-unit-"));
      try {
        const copy = path.join(dir, "normwatch.service");
        fs.writeFileSync(copy, read(UNIT).replace(/^ExecStart=\S+/m, `ExecStart=${process.execPath}`));
        const result = spawnSync(systemdAnalyze, ["verify", copy], { encoding: "utf8" });
        const ours = `${result.stdout}\n${result.stderr}`
          .split("\n")
          .filter((line) => line.includes("normwatch.service"));
        expect(ours).toEqual([]);
        expect(result.status).toBe(0);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  );

  it("its example environment file sets only real settings, which the app's config accepts", () => {
    const env = Object.fromEntries(
      read("deploy/normwatch.env.example")
        .split("\n")
        .filter((line) => /^[A-Z_]+=/.test(line))
        .map((line) => [line.slice(0, line.indexOf("=")), line.slice(line.indexOf("=") + 1)]),
    );
    expect(Object.keys(env).filter((k) => !ENV_VARIABLES.includes(k))).toEqual([]);
    const config = loadConfig(env);
    expect(config.databaseUrl).toMatch(/^postgres:\/\//);
    expect(config.trustProxy).toBe(true);
  });
});
