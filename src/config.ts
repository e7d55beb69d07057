// Reads and validates the environment once; nothing else in the code reads process.env.
import path from "node:path";
import { z } from "zod";

const LOG_LEVELS = ["silent", "error", "info", "debug"] as const;
const LOG_FORMATS = ["auto", "json", "pretty"] as const;

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default("0.0.0.0"),
  DATA_DIR: z.string().min(1).default("./data"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  PUBLIC_URL: z
    .url()
    .optional()
    .or(z.literal("").transform(() => undefined)),
  LOG_LEVEL: z.enum(LOG_LEVELS).default("info"),
  LOG_FORMAT: z.enum(LOG_FORMATS).default("auto"),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  TRUST_PROXY: z
    .enum(["true", "false", "1", "0", ""])
    .default("false")
    .transform((v) => v === "true" || v === "1"),
  SESSION_LIFETIME_HOURS: z.coerce
    .number()
    .min(0.05)
    .max(24 * 90)
    .default(12),
  COOKIE_SECURE: z.enum(["auto", "always", "never"]).default("auto"),
  REVIEW_FOUR_EYES_MIN_EDITORS: z.coerce.number().int().min(0).max(1000).default(2),
  DOCUMENT_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(2 ** 31 - 1)
    .default(50 * 1024 * 1024),
  DOCUMENT_FETCH_ALLOW_PRIVATE: z
    .enum(["true", "false", "1", "0", ""])
    .default("false")
    .transform((v) => v === "true" || v === "1"),
  DOCUMENT_FETCH_MAX_REDIRECTS: z.coerce.number().int().min(0).max(20).default(5),
  BUNDLED_CORPUS: z.enum(["background", "off"]).default("background"),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, "must be an smtp:// or smtps:// URL")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  MAIL_FROM: z.string().min(3).default("Normwatch <normwatch@localhost>"),
  NEWSLETTER_SECRET: z
    .string()
    .min(32, "must be at least 32 characters (e.g. openssl rand -base64 32)")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  SEND_RATE_PER_SECOND: z.coerce.number().min(0).max(1000).default(5),
  SEND_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(5),
  SUBSCRIBE_CONFIRM_HOURS: z.coerce
    .number()
    .min(1)
    .max(24 * 30)
    .default(48),
  METRICS_TOKEN: z
    .string()
    .min(16, "must be at least 16 characters (e.g. openssl rand -hex 24)")
    .regex(/^[\x21-\x7e]+$/, "must be printable ASCII without spaces (it is sent in an Authorization header)")
    .optional()
    .or(z.literal("").transform(() => undefined)),
});

/** Every environment variable Normwatch reads (each must have a CONFIG_DOCS row and a README row). */
export const ENV_VARIABLES: readonly string[] = Object.keys(EnvSchema.shape);

export type LogLevel = (typeof LOG_LEVELS)[number];
export type LogFormat = (typeof LOG_FORMATS)[number];

export interface Config {
  port: number;
  host: string;
  /** Absolute path of the runtime folder (embedded database, lock file). */
  dataDir: string;
  /** A PostgreSQL server URL; absent means the embedded PGlite database under dataDir. */
  databaseUrl: string | undefined;
  publicUrl: string | undefined;
  /**
   * The base of every absolute link in mail, feeds, calendars and API answers, without a trailing slash: PUBLIC_URL,
   * or http://localhost:<PORT> on a development install. Never the request's Host header, which a client chooses.
   */
  siteUrl: string;
  logLevel: LogLevel;
  /** JSON lines, readable lines (pino-pretty), or auto: readable on a terminal, JSON otherwise. */
  logFormat: LogFormat;
  databasePoolSize: number;
  trustProxy: boolean;
  /** Editorial accounts: session lifetime, Secure cookies (auto: when the request or PUBLIC_URL is https), review rule. */
  sessionLifetimeHours: number;
  cookieSecure: "auto" | "always" | "never";
  /** With at least this many editors (admins count), nobody may approve their own change; 0 turns the rule off. */
  reviewFourEyesMinEditors: number;
  /** Document ingest (issue 4): largest file or download accepted, and the URL-fetch rules. */
  documentMaxBytes: number;
  documentFetchAllowPrivate: boolean;
  documentFetchMaxRedirects: number;
  /** Import the bundled GA resolution corpus in the background after the server listens ("off": never). */
  bundledCorpus: "background" | "off";
  /** Newsletter and alerts (issue 8): SMTP server (unset: mail is only logged), sender, link secret, queue pace. */
  smtpUrl: string | undefined;
  mailFrom: string;
  newsletterSecret: string | undefined;
  sendRatePerSecond: number;
  sendMaxAttempts: number;
  subscribeConfirmHours: number;
  /** When set, /metrics answers only requests with `Authorization: Bearer <metricsToken>` (/readyz stays public). */
  metricsToken: string | undefined;
}

export class ConfigError extends Error {
  override readonly name = "ConfigError";
}

/** Parses an environment (process.env by default) into a Config, or throws a ConfigError naming each bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new ConfigError(`invalid environment:\n${lines.join("\n")}`);
  }
  const e = parsed.data;
  const needsPublicUrl = e.DATABASE_URL ? "DATABASE_URL" : e.SMTP_URL ? "SMTP_URL" : undefined;
  if (!e.PUBLIC_URL && needsPublicUrl) {
    throw new ConfigError(
      `invalid environment:\n  PUBLIC_URL: required when ${needsPublicUrl} is set (e.g. PUBLIC_URL=https://normwatch.example.org): ` +
        "links in mail, feeds and API answers are built from it, never from the Host header a client sends",
    );
  }
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    publicUrl: e.PUBLIC_URL,
    siteUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, ""),
    logLevel: e.LOG_LEVEL,
    logFormat: e.LOG_FORMAT,
    databasePoolSize: e.DATABASE_POOL_SIZE,
    trustProxy: e.TRUST_PROXY,
    sessionLifetimeHours: e.SESSION_LIFETIME_HOURS,
    cookieSecure: e.COOKIE_SECURE,
    reviewFourEyesMinEditors: e.REVIEW_FOUR_EYES_MIN_EDITORS,
    documentMaxBytes: e.DOCUMENT_MAX_BYTES,
    documentFetchAllowPrivate: e.DOCUMENT_FETCH_ALLOW_PRIVATE,
    documentFetchMaxRedirects: e.DOCUMENT_FETCH_MAX_REDIRECTS,
    bundledCorpus: e.BUNDLED_CORPUS,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    newsletterSecret: e.NEWSLETTER_SECRET,
    sendRatePerSecond: e.SEND_RATE_PER_SECOND,
    sendMaxAttempts: e.SEND_MAX_ATTEMPTS,
    subscribeConfirmHours: e.SUBSCRIBE_CONFIRM_HOURS,
    metricsToken: e.METRICS_TOKEN,
  };
}

/** The settings table for the README, kept beside the schema so the two cannot drift. */
export const CONFIG_DOCS: { name: string; default: string; meaning: string }[] = [
  { name: "PORT", default: "3000", meaning: "HTTP port" },
  { name: "HOST", default: "0.0.0.0", meaning: "interface to listen on" },
  { name: "DATA_DIR", default: "./data", meaning: "runtime folder: embedded database and its lock file" },
  {
    name: "DATABASE_URL",
    default: "(unset)",
    meaning: "PostgreSQL server URL; unset uses embedded PGlite in DATA_DIR",
  },
  { name: "DATABASE_POOL_SIZE", default: "10", meaning: "connections per app process on a PostgreSQL server" },
  {
    name: "PUBLIC_URL",
    default: "(unset)",
    meaning:
      "public base URL of every absolute link (mail, feeds, calendars, API answers); required with DATABASE_URL or SMTP_URL; unset: http://localhost:PORT, never the request's Host header",
  },
  { name: "LOG_LEVEL", default: "info", meaning: "silent, error, info or debug" },
  {
    name: "LOG_FORMAT",
    default: "auto",
    meaning: "json (one JSON object per line), pretty (readable lines), or auto: pretty on a terminal, json otherwise",
  },
  {
    name: "TRUST_PROXY",
    default: "false",
    meaning:
      "trust X-Forwarded-For/-Proto from a reverse proxy or load balancer: set it behind one, or every visitor counts as the proxy's address (one sign-in backoff for the whole site); never without one, or clients choose their own address",
  },
  { name: "SESSION_LIFETIME_HOURS", default: "12", meaning: "how long an editor stays signed in" },
  {
    name: "COOKIE_SECURE",
    default: "auto",
    meaning: "Secure session cookies: auto (when served over https), always or never",
  },
  {
    name: "REVIEW_FOUR_EYES_MIN_EDITORS",
    default: "2",
    meaning: "with this many editors or more, nobody may approve their own change (0: never enforced)",
  },
  {
    name: "DOCUMENT_MAX_BYTES",
    default: "52428800",
    meaning: "largest document file or download `normwatch ingest` accepts (bytes; 50 MB)",
  },
  {
    name: "DOCUMENT_FETCH_ALLOW_PRIVATE",
    default: "false",
    meaning: "let `normwatch ingest <url>` fetch from private, loopback and link-local addresses",
  },
  { name: "DOCUMENT_FETCH_MAX_REDIRECTS", default: "5", meaning: "redirects followed when fetching a document by URL" },
  {
    name: "BUNDLED_CORPUS",
    default: "background",
    meaning:
      "import the bundled 1,974 GA resolutions in the background after the server starts listening (`off`: never)",
  },
  {
    name: "SMTP_URL",
    default: "(unset)",
    meaning: "SMTP server for mail, e.g. smtp://user:pass@host:587 (smtps:// for TLS); unset only logs mail",
  },
  {
    name: "MAIL_FROM",
    default: "Normwatch <normwatch@localhost>",
    meaning: "From address of the digest, alerts and confirmations",
  },
  {
    name: "NEWSLETTER_SECRET",
    default: "(unset)",
    meaning:
      "key (32+ characters) signing preferences and unsubscribe links; unset with PGlite: generated once in DATA_DIR; required with DATABASE_URL",
  },
  {
    name: "SEND_RATE_PER_SECOND",
    default: "5",
    meaning: "most messages `normwatch send` hands to the SMTP server per second (0: no limit)",
  },
  {
    name: "SEND_MAX_ATTEMPTS",
    default: "5",
    meaning: "attempts per message before it is marked failed (retries back off exponentially)",
  },
  { name: "SUBSCRIBE_CONFIRM_HOURS", default: "48", meaning: "how long a sign-up's confirmation link works" },
  {
    name: "METRICS_TOKEN",
    default: "(unset)",
    meaning:
      "when set (16+ characters), /metrics answers only `Authorization: Bearer <token>`; unset: /metrics is public. /healthz and /readyz stay public",
  },
];
