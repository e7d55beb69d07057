// What the editorial features read from the configuration: sessions, cookies, the review rule, uploads, links.
import type { Config } from "../config.js";

export interface EditorialSettings {
  sessionLifetimeHours: number;
  cookieSecure: Config["cookieSecure"];
  reviewFourEyesMinEditors: number;
  trustProxy: boolean;
  publicUrl: string | undefined;
  /** The base of every absolute link (Config.siteUrl): PUBLIC_URL or http://localhost:<PORT>, never the Host header. */
  siteUrl: string;
  /** Largest document an editor may upload (DOCUMENT_MAX_BYTES). */
  documentMaxBytes: number;
}

export function editorialSettingsFrom(config: Config): EditorialSettings {
  return {
    sessionLifetimeHours: config.sessionLifetimeHours,
    cookieSecure: config.cookieSecure,
    reviewFourEyesMinEditors: config.reviewFourEyesMinEditors,
    trustProxy: config.trustProxy,
    publicUrl: config.publicUrl,
    siteUrl: config.siteUrl,
    documentMaxBytes: config.documentMaxBytes,
  };
}
