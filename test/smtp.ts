// A real SMTP server on loopback for newsletter tests (the smtp-server package), recording every message it
// accepts, and an app wired to send through it with nodemailer (issue 8).
import type { AddressInfo } from "node:net";
import type { Hono } from "hono";
import { SMTPServer } from "smtp-server";
import type { DriverName } from "../src/db/client.js";
import {
  createDeliveryStore,
  sendDueDeliveries,
  type SendReport,
  type SenderOptions,
} from "../src/newsletter/sender.js";
import { linksFor, newsletterSettingsFrom, type NewsletterSettings } from "../src/newsletter/settings.js";
import { createSmtpMailer, type SmtpMailer } from "../src/newsletter/smtp-mailer.js";
import { createApp } from "../src/server.js";
import { createTestDeps, testConfig } from "./app.js";
import { createTestDatabase, type TestDatabase } from "./database.js";
import { Agent } from "./editorial.js";

export interface ReceivedMail {
  to: string;
  headers: Record<string, string>;
  /** The decoded text of the message (quoted-printable undone; all parts together). */
  body: string;
}

export interface TestSmtpServer {
  url: string;
  received: ReceivedMail[];
  /** Recipients the server refuses at RCPT TO, with the reply code to give (5xx permanent, 4xx temporary). */
  refuse: Map<string, number>;
  countFor(address: string): number;
  close(): Promise<void>;
}

export async function startTestSmtpServer(): Promise<TestSmtpServer> {
  const received: ReceivedMail[] = [];
  const refuse = new Map<string, number>();
  const server = new SMTPServer({
    secure: false,
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onRcptTo(address, _session, callback) {
      const code = refuse.get(address.address.toLowerCase());
      if (code)
        return callback(Object.assign(new Error(`mailbox ${address.address} unavailable`), { responseCode: code }));
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        const raw = Buffer.concat(chunks).toString("utf8");
        for (const rcpt of session.envelope.rcptTo)
          received.push({ to: rcpt.address.toLowerCase(), ...parseMessage(raw) });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    refuse,
    countFor: (address) => received.filter((m) => m.to === address).length,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function parseMessage(raw: string): { headers: Record<string, string>; body: string } {
  const split = raw.indexOf("\r\n\r\n");
  const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, " ");
  const headers: Record<string, string> = {};
  for (const line of head.split("\r\n")) {
    const colon = line.indexOf(":");
    if (colon > 0) headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
  }
  const body = raw
    .slice(split + 4)
    .replace(/=\r\n/g, "")
    .replace(/=([0-9A-F]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return { headers, body };
}

/** Links to https://normwatch.test, three attempts, no rate limit (the rest of the site keeps the test defaults). */
export const TEST_NEWSLETTER_SETTINGS = newsletterSettingsFrom(
  testConfig({ PUBLIC_URL: "https://normwatch.test", SEND_MAX_ATTEMPTS: "3", SEND_RATE_PER_SECOND: "0" }),
  () => {},
) as NewsletterSettings & { secret: string };

export interface NewsletterTestApp {
  app: Hono;
  database: TestDatabase;
  smtp: TestSmtpServer;
  mailer: SmtpMailer;
  clock: { now: Date };
  agent(): Agent;
  /** Works the queue once, as `normwatch send` does. */
  send(overrides?: Partial<SenderOptions>): Promise<SendReport>;
  dispose(): Promise<void>;
}

/** An app whose mail goes through nodemailer to a real SMTP server on loopback. */
export async function createNewsletterTestApp(
  driver: DriverName,
  options: { seed?: boolean } = {},
): Promise<NewsletterTestApp> {
  const database = await createTestDatabase(driver, { seed: options.seed ?? false });
  const smtp = await startTestSmtpServer();
  const mailer = createSmtpMailer({ url: smtp.url, from: "Normwatch <digest@normwatch.test>" });
  const clock = { now: new Date("2026-11-23T12:00:00Z") };
  const app = createApp(
    createTestDeps(database, { now: () => clock.now, mailer, newsletter: TEST_NEWSLETTER_SETTINGS }),
  );
  return {
    app,
    database,
    smtp,
    mailer,
    clock,
    agent: () => new Agent(app),
    send: (overrides = {}) =>
      sendDueDeliveries({
        store: createDeliveryStore(database.db),
        mailer,
        linksFor: (id) => linksFor(TEST_NEWSLETTER_SETTINGS, id),
        policy: TEST_NEWSLETTER_SETTINGS.policy,
        ratePerSecond: 0,
        now: () => clock.now,
        ...overrides,
      }),
    async dispose() {
      mailer.close();
      await smtp.close();
      await database.dispose();
    },
  };
}
