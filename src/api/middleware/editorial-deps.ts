// What the editorial features need beyond AppDeps (mailer and settings), with development defaults
// until src/server.ts passes them in: createApp({ ...deps, mailer, editorial }).
import type { Config } from "../../config.js";
import type { AppDeps } from "../../db/context.js";
import { createLogMailer, type Mailer } from "../../newsletter/mailer.js";

export interface EditorialSettings {
  sessionLifetimeHours: number;
  cookieSecure: Config["cookieSecure"];
  reviewFourEyesMinEditors: number;
  trustProxy: boolean;
  publicUrl: string | undefined;
  /** Largest document an editor may upload (DOCUMENT_MAX_BYTES). */
  documentMaxBytes: number;
}

export interface EditorialDeps {
  mailer: Mailer;
  editorial: EditorialSettings;
}

export const DEFAULT_EDITORIAL_SETTINGS: EditorialSettings = {
  sessionLifetimeHours: 12,
  cookieSecure: "auto",
  reviewFourEyesMinEditors: 2,
  trustProxy: false,
  publicUrl: undefined,
  documentMaxBytes: 50 * 1024 * 1024,
};

export function editorialSettingsFrom(config: Config): EditorialSettings {
  return {
    sessionLifetimeHours: config.sessionLifetimeHours,
    cookieSecure: config.cookieSecure,
    reviewFourEyesMinEditors: config.reviewFourEyesMinEditors,
    trustProxy: config.trustProxy,
    publicUrl: config.publicUrl,
    documentMaxBytes: config.documentMaxBytes,
  };
}

const fallbackMailer = createLogMailer((line) => process.stderr.write(`${line}\n`));

/** The editorial extras carried on deps, or the defaults (log mailer, default settings). */
export function editorialDepsOf(deps: AppDeps): EditorialDeps {
  const extra = deps as AppDeps & Partial<EditorialDeps>;
  return { mailer: extra.mailer ?? fallbackMailer, editorial: extra.editorial ?? DEFAULT_EDITORIAL_SETTINGS };
}
