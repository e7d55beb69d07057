// The Mailer interface every outgoing email goes through, and a development mailer that only logs.
// The SMTP mailer (smtp-mailer.ts) implements the same interface.

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  /** An HTML alternative to the plain-text part. */
  html?: string;
  /** Extra headers, e.g. List-Unsubscribe and List-Unsubscribe-Post (RFC 8058). */
  headers?: Record<string, string>;
  /** Keys one logical message (e.g. "password-reset:<user>:<time>") so a retry is recognisable. */
  idempotencyKey?: string;
}

export interface MailReceipt {
  /** "logged" by the development mailer; "accepted" once a server took the message (not "delivered"). */
  status: "logged" | "accepted";
  messageId: string;
}

export interface Mailer {
  send(message: MailMessage): Promise<MailReceipt>;
}

/** A refused message: `responseCode` is the SMTP reply code when the server gave one (5xx: permanent). */
export class MailSendError extends Error {
  override readonly name = "MailSendError";
  constructor(
    message: string,
    readonly responseCode: number | undefined,
  ) {
    super(message);
  }
}

/** Writes each message to the log instead of sending it: development, tests and instances without SMTP. */
export function createLogMailer(log: (line: string) => void): Mailer {
  let sequence = 0;
  return {
    async send(message) {
      sequence += 1;
      log(`mail to ${message.to}: ${message.subject}\n${message.text}`);
      return { status: "logged", messageId: `log-${sequence}` };
    },
  };
}
