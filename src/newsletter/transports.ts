// Which mail transport the configuration asks for: SMTP, or the log (whole messages in development only).
import type { Config } from "../config.js";
import type { Logger } from "../logger.js";
import { createLogMailer, type Mailer } from "./mailer.js";
import { createSmtpMailer } from "./smtp-mailer.js";

/**
 * SMTP when SMTP_URL is set. Otherwise mail goes to the log: whole messages in development (the embedded database
 * and no PUBLIC_URL), where the log is the only way to follow a reset or confirmation link; elsewhere only the
 * recipient and subject, because a body may hold a live link and logs are read by more people than mail is.
 */
export function createMailer(config: Config, logger: Logger): Mailer {
  if (config.smtpUrl) return createSmtpMailer({ url: config.smtpUrl, from: config.mailFrom });
  if (!config.databaseUrl && !config.publicUrl) {
    logger.info(
      "mail: SMTP_URL is not set, so mail is only written to the log (development: embedded database, no PUBLIC_URL)",
    );
    return createLogMailer((line) => logger.info(line));
  }
  logger.error(
    "mail: SMTP_URL is not set: no mail is sent, and the log shows only each message's recipient and subject",
  );
  let sequence = 0;
  return {
    async send(message) {
      sequence += 1;
      logger.info(`mail to ${message.to}: ${message.subject} (not sent and body withheld: set SMTP_URL)`);
      return { status: "logged", messageId: `log-${sequence}` };
    },
  };
}
