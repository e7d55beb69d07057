import { describe, expect, it } from "vitest";
import { judgeSubmission, signFormTime } from "./correction.js";

const secret = "test-secret";
const rendered = new Date("2026-11-23T12:00:00Z");
const after = (seconds: number) => new Date(rendered.getTime() + seconds * 1000);

describe("correction form spam checks", () => {
  it("accepts a genuine form filled in a human time", () => {
    expect(judgeSubmission({ honeypot: "", started: signFormTime(rendered, secret), now: after(30), secret })).toBe(
      "ok",
    );
  });

  it("catches a filled honeypot, an instant submission, a forged or stale render time", () => {
    const started = signFormTime(rendered, secret);
    expect(judgeSubmission({ honeypot: "http://spam", started, now: after(30), secret })).toBe("honeypot");
    expect(judgeSubmission({ honeypot: "", started, now: after(1), secret })).toBe("too-fast");
    expect(
      judgeSubmission({ honeypot: "", started: signFormTime(rendered, "other-secret"), now: after(30), secret }),
    ).toBe("stale-or-forged");
    expect(
      judgeSubmission({
        honeypot: "",
        started: `${rendered.getTime() - 60_000}.${started.split(".")[1]}`,
        now: after(30),
        secret,
      }),
    ).toBe("stale-or-forged");
    expect(judgeSubmission({ honeypot: "", started, now: after(2 * 24 * 3600), secret })).toBe("stale-or-forged");
  });
});
