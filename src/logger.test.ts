// The log is one JSON object per line (level, time, message and fields, errors with their stack), or a
// readable line when the pretty format is chosen; LOG_LEVEL filters.
import { describe, expect, it } from "vitest";
import { createLogger } from "./logger.js";

function capture(level: Parameters<typeof createLogger>[0], format: "json" | "pretty" = "json") {
  const lines: string[] = [];
  return { lines, logger: createLogger(level, { format, write: (line) => lines.push(line) }) };
}

describe("logger", () => {
  it("writes one JSON object per line with the level as a word, an ISO time, the message and the given fields", () => {
    const { lines, logger } = capture("info");
    logger.info("GET /states 200 3.1ms", { requestId: "abc", status: 200 });
    expect(lines).toHaveLength(1);
    const entry = JSON.parse(lines[0] ?? "") as Record<string, unknown>;
    expect(entry).toMatchObject({ level: "info", msg: "GET /states 200 3.1ms", requestId: "abc", status: 200 });
    expect(String(entry["time"])).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  });

  it("keeps a message with quotes and line breaks on one line (a log line cannot be forged from data)", () => {
    const { lines, logger } = capture("info");
    logger.info('mail to x@example.org\n{"level":"error","msg":"forged"}');
    expect(lines).toHaveLength(1);
    expect((JSON.parse(lines[0] ?? "") as { msg: string }).msg).toContain("\n");
  });

  it("writes an error's type, message and stack under err", () => {
    const { lines, logger } = capture("error");
    logger.error("GET /x: boom", { err: new TypeError("boom") });
    const entry = JSON.parse(lines[0] ?? "") as {
      level: string;
      err: { type: string; message: string; stack: string };
    };
    expect(entry.level).toBe("error");
    expect(entry.err).toMatchObject({ type: "TypeError", message: "boom" });
    expect(entry.err.stack).toContain("logger.test.ts");
  });

  it("leaves out what is below LOG_LEVEL, and everything when silent", () => {
    const info = capture("info");
    info.logger.debug("details");
    info.logger.info("start");
    expect(info.lines.map((l) => (JSON.parse(l) as { msg: string }).msg)).toEqual(["start"]);
    const silent = capture("silent");
    silent.logger.error("nothing");
    expect(silent.lines).toEqual([]);
  });

  it("writes one readable line per event in the pretty format, without repeating what the message says", () => {
    const { lines, logger } = capture("info", "pretty");
    logger.info("GET /states 200 3.1ms", {
      requestId: "abc",
      method: "GET",
      path: "/states",
      route: "/states",
      status: 200,
      durationMs: 3.1,
    });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/INFO.*GET \/states 200 3\.1ms \{"requestId":"abc"\}$/);
    expect(() => JSON.parse(lines[0] ?? "")).toThrow();
  });
});
