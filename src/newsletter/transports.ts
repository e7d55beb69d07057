// Which mail transport the configuration asks for: SMTP, or the log in development.
import type { Config } from "../config.js";
import type { Logger } from "../logger.js";
import { createLogMailer, type Mailer } from "./mailer.js";
import { createSmtpMailer } from "./smtp-mailer.js";

/** SMTP when SMTP_URL is set; otherwise mail is written to the log (development). */
export function createMailer(config: Config, logger: Logger): Mailer {
  if (config.smtpUrl) return createSmtpMailer({ url: config.smtpUrl, from: config.mailFrom });
  logger.info("mail: SMTP_URL is not set, so mail is only written to the log");
  return createLogMailer((line) => logger.info(line));
}
