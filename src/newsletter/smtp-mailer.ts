// Sends mail through an SMTP server with nodemailer (SMTP_URL, e.g. smtp://user:pass@host:587). A reply from
// the server means it accepted the message ("accepted"), not that it reached an inbox.
import nodemailer from "nodemailer";
import { MailSendError, type Mailer } from "./mailer.js";

export interface SmtpMailerOptions {
  /** smtp:// or smtps:// URL with credentials, as nodemailer accepts it. */
  url: string;
  /** The From header, e.g. "Normwatch <digest@example.org>". */
  from: string;
}

export interface SmtpMailer extends Mailer {
  close(): void;
}

// One pooled connection for the whole run (a digest to thousands of readers should not reconnect each time), and
// short timeouts so one stuck message cannot outlast the sender's lease (nodemailer waits 10 minutes by default).
const URL_DEFAULTS: Record<string, string> = {
  pool: "true",
  connectionTimeout: "30000",
  greetingTimeout: "30000",
  socketTimeout: "60000",
};

function withDefaults(url: string): string {
  const parsed = new URL(url);
  for (const [k, v] of Object.entries(URL_DEFAULTS)) if (!parsed.searchParams.has(k)) parsed.searchParams.set(k, v);
  return parsed.toString();
}

export function createSmtpMailer(options: SmtpMailerOptions): SmtpMailer {
  const transport = nodemailer.createTransport(withDefaults(options.url));
  return {
    async send(message) {
      try {
        const info = await transport.sendMail({
          from: options.from,
          to: message.to,
          subject: message.subject,
          text: message.text,
          ...(message.html ? { html: message.html } : {}),
          ...(message.headers ? { headers: preparedHeaders(message.headers) } : {}),
        });
        const rejected = [...(info.rejected ?? [])];
        if (rejected.length > 0) throw new MailSendError(`refused by the server: ${info.response ?? "no reply"}`, 550);
        return { status: "accepted", messageId: info.messageId };
      } catch (error) {
        if (error instanceof MailSendError) throw error;
        const e = error as Error & { responseCode?: number; response?: string };
        throw new MailSendError(
          e.response ?? e.message,
          typeof e.responseCode === "number" ? e.responseCode : undefined,
        );
      }
    },
    close() {
      transport.close();
    },
  };
}

/**
 * Headers as nodemailer should write them. List-Id is structured (phrase and <id>, RFC 2919) and plain ASCII:
 * nodemailer would MIME-encode it as unstructured text, which mail clients then cannot read as a list id.
 */
function preparedHeaders(headers: Record<string, string>): Record<string, string | { prepared: true; value: string }> {
  return Object.fromEntries(
    Object.entries(headers).map(([name, value]) => [
      name,
      name.toLowerCase() === "list-id" ? { prepared: true as const, value } : value,
    ]),
  );
}
