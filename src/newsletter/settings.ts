// The newsletter settings on the app's deps, read from the configuration, and where the link secret comes from.
import fs from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";
import type { Config } from "../config.js";
import {
  DEFAULT_RETRY_POLICY,
  recipientLinks,
  type RecipientLinks,
  type RetryPolicy,
} from "../domain/subscriptions.js";

export interface NewsletterSettings {
  /** Signs preferences and unsubscribe links; undefined means sign-up and sending are switched off. */
  secret: string | undefined;
  /** Why the secret is missing, shown to readers and operators. */
  disabledReason?: string;
  /** Absolute base of links in mail (PUBLIC_URL, or the local address in development). */
  baseUrl: string;
  confirmHours: number;
  policy: RetryPolicy;
  ratePerSecond: number;
  /** May webhooks point at private or loopback addresses (DOCUMENT_FETCH_ALLOW_PRIVATE)? */
  allowPrivateWebhooks: boolean;
}

export const SECRET_FILE = "newsletter-secret";

/**
 * NEWSLETTER_SECRET when set. Otherwise, on the embedded database, a secret generated once and kept in
 * DATA_DIR (mode 0600) so links keep working across restarts. Several app servers on one PostgreSQL server
 * cannot share a file, so there the secret must be set: without it newsletter features stay off.
 */
export function resolveNewsletterSecret(
  config: Pick<Config, "newsletterSecret" | "databaseUrl" | "dataDir">,
  log: (line: string) => void,
): { secret: string | undefined; disabledReason?: string } {
  if (config.newsletterSecret) return { secret: config.newsletterSecret };
  if (config.databaseUrl) {
    const reason =
      "NEWSLETTER_SECRET is not set: with DATABASE_URL every app server must share one, so sign-up, links and sending are off";
    log(reason);
    return { secret: undefined, disabledReason: reason };
  }
  const file = path.join(config.dataDir, SECRET_FILE);
  try {
    return { secret: fs.readFileSync(file, "utf8").trim() };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  fs.mkdirSync(config.dataDir, { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  // "wx": never overwrite a secret another process wrote first.
  try {
    fs.writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: "wx" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return { secret: fs.readFileSync(file, "utf8").trim() };
    throw error;
  }
  log(`newsletter: generated a link-signing secret in ${file} (mode 0600); set NEWSLETTER_SECRET to choose your own`);
  return { secret };
}

export function newsletterSettingsFrom(config: Config, log: (line: string) => void): NewsletterSettings {
  const { secret, disabledReason } = resolveNewsletterSecret(config, log);
  return {
    secret,
    ...(disabledReason ? { disabledReason } : {}),
    baseUrl: config.siteUrl,
    confirmHours: config.subscribeConfirmHours,
    policy: { ...DEFAULT_RETRY_POLICY, maxAttempts: config.sendMaxAttempts },
    ratePerSecond: config.sendRatePerSecond,
    allowPrivateWebhooks: config.documentFetchAllowPrivate,
  };
}

/** The signed links of a subscriber under these settings (the secret must be set). */
export function linksFor(settings: NewsletterSettings, subscriberId: number): RecipientLinks {
  if (!settings.secret) throw new Error(settings.disabledReason ?? "newsletter secret missing");
  return recipientLinks(settings.baseUrl, settings.secret, subscriberId);
}
