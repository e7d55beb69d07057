// Test helpers for editorial features: an app with a movable clock and a recording mailer, accounts, and a
// cookie-keeping agent that signs in and echoes CSRF tokens like a browser would.
import type { Hono } from "hono";
import type { DriverName } from "../src/db/client.js";
import { insertUser, updatePassword } from "../src/db/users.js";
import { hashPassword } from "../src/domain/auth-passwords.js";
import type { User } from "../src/domain/auth.js";
import type { UserRole } from "../src/domain/vocabulary.js";
import type { EditorialSettings } from "../src/http/editorial-settings.js";
import type { MailMessage, Mailer } from "../src/newsletter/mailer.js";
import { createApp } from "../src/server.js";
import { createTestDeps } from "./app.js";
import { createTestDatabase, type TestDatabase } from "./database.js";

export interface EditorialTestApp {
  app: Hono;
  database: TestDatabase;
  /** The app's clock; move it with clock.set(). */
  clock: { now: Date; set(date: Date): void; advanceMinutes(minutes: number): void };
  /** Every message the app "sent". */
  mail: MailMessage[];
  addUser(email: string, role: UserRole, password?: string): Promise<User>;
  agent(): Agent;
  dispose(): Promise<void>;
}

export async function createEditorialTestApp(
  driver: DriverName,
  options: { seed?: boolean; settings?: Partial<EditorialSettings> } = {},
): Promise<EditorialTestApp> {
  const database = await createTestDatabase(driver, { seed: options.seed ?? false });
  const clock = {
    now: new Date("2026-11-23T12:00:00Z"),
    set(date: Date) {
      clock.now = date;
    },
    advanceMinutes(minutes: number) {
      clock.now = new Date(clock.now.getTime() + minutes * 60_000);
    },
  };
  const mail: MailMessage[] = [];
  const mailer: Mailer = {
    async send(message) {
      mail.push(message);
      return { status: "logged", messageId: `test-${mail.length}` };
    },
  };
  const app = createApp(
    createTestDeps(database, {
      now: () => clock.now,
      mailer,
      ...(options.settings ? { editorial: options.settings } : {}),
    }),
  );
  return {
    app,
    database,
    clock,
    mail,
    async addUser(email, role, password) {
      const user = await insertUser(database.db, { email, role, now: clock.now });
      if (password) await updatePassword(database.db, user.id, await hashPassword(password));
      return user;
    },
    agent: () => new Agent(app),
    dispose: () => database.dispose(),
  };
}

const TOKEN_PATTERN = /name="_csrf" value="([^"]+)"/;

/** Keeps cookies between requests and finds the CSRF token in the last form page, like a browser. */
export class Agent {
  readonly cookies = new Map<string, string>();
  csrf: string | undefined;

  constructor(private readonly app: Hono) {}

  private cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  async request(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size) headers.set("cookie", this.cookieHeader());
    const res = await this.app.request(path, { ...init, headers });
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const [name, ...rest] = pair!.split("=");
      const value = rest.join("=");
      if (/max-age=0|expires=thu, 01 jan 1970/i.test(line) || value === "") this.cookies.delete(name!.trim());
      else this.cookies.set(name!.trim(), value);
    }
    return res;
  }

  /** GET a page and remember the CSRF token of its forms. */
  async get(path: string): Promise<Response> {
    const res = await this.request(path);
    const html = await res.clone().text();
    const token = TOKEN_PATTERN.exec(html)?.[1];
    if (token) this.csrf = token;
    return res;
  }

  /** POST a form, adding the remembered CSRF token unless `_csrf` is given. */
  async post(
    path: string,
    fields: Record<string, string | string[]>,
    options: { csrf?: string | null } = {},
  ): Promise<Response> {
    const body = new URLSearchParams();
    const csrf = options.csrf === undefined ? this.csrf : options.csrf;
    if (csrf) body.set("_csrf", csrf);
    for (const [k, v] of Object.entries(fields)) for (const value of [v].flat()) body.append(k, value);
    return this.request(path, {
      method: "POST",
      body,
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
  }

  /** POST a multipart form (a file upload), adding the remembered CSRF token. */
  async postMultipart(path: string, form: FormData): Promise<Response> {
    if (this.csrf && !form.has("_csrf")) form.set("_csrf", this.csrf);
    return this.request(path, { method: "POST", body: form });
  }

  async logIn(email: string, password: string): Promise<Response> {
    await this.get("/login");
    const res = await this.post("/login", { email, password });
    await this.get("/account");
    return res;
  }
}
