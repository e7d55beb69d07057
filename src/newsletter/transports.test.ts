import { describe, expect, it } from "vitest";
import { loadConfig } from "../config.js";
import { createLogger } from "../logger.js";
import { createMailer } from "./transports.js";

const LINK = "http://localhost:3000/account/set-password?token=live-reset-token";

async function logged(env: Record<string, string>): Promise<string> {
  const lines: string[] = [];
  const mailer = createMailer(loadConfig(env), createLogger("info", { format: "json", write: (l) => lines.push(l) }));
  await mailer.send({
    to: "ada@example.org",
    subject: "Reset your Normwatch password",
    text: `Set a new password:\n${LINK}`,
    idempotencyKey: "k",
  });
  return lines.join("\n");
}

describe("mail without SMTP_URL", () => {
  it("writes whole messages, links included, to the log in development (embedded database, no PUBLIC_URL)", async () => {
    expect(await logged({})).toContain("live-reset-token");
  });

  it("never logs a message body, with its live reset or confirmation link, anywhere else (issue 13)", async () => {
    const withPublicUrl = await logged({ PUBLIC_URL: "https://normwatch.example.org" });
    expect(withPublicUrl).not.toContain("live-reset-token");
    expect(withPublicUrl).toContain("Reset your Normwatch password");
    const onServer = await logged({
      DATABASE_URL: "postgres://u@db:5432/nw",
      PUBLIC_URL: "https://normwatch.example.org",
    });
    expect(onServer).not.toContain("live-reset-token");
  });
});
