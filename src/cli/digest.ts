// `normwatch digest draft --month 2020-01` (or `--from 2019-01 --to 2026-11`, every month in one go), `normwatch digest list` and `normwatch digest queue <slug>`: draft a
// month's issue from what changed, list issues, and queue a published issue for every digest subscriber.
import type { Command } from "commander";
import { loadConfig, type Config } from "../config.js";
import { draftDigestIssue, findDigestIssue, listDigestIssues } from "../db/digest.js";
import { monthsBetween } from "../domain/digest.js";
import { InvalidInputError } from "../domain/errors.js";
import { queueDigestEmail } from "../newsletter/digest-email.js";
import { withDatabase } from "./database.js";

/** Drafts (or redrafts) the month's issue and says what it holds. */
export async function runDigestDraft(
  config: Config,
  input: { month: string; isReplacingEdits?: boolean; now?: Date },
): Promise<string> {
  return withDatabase(config, async ({ db }) => {
    const { issue, composed, isReplaced } = await draftDigestIssue(db, {
      month: input.month,
      userId: null,
      now: input.now ?? new Date(),
      isReplacingEdits: input.isReplacingEdits ?? false,
    });
    const counts = composed.sections.map((s) => `  ${s.heading}: ${s.items.length}`);
    return [
      `${isReplaced ? "redrafted" : "drafted"} digest issue ${issue.slug}: ${issue.title}`,
      ...(counts.length ? counts : ["  nothing tracked changed in this period"]),
      `edit and publish it at ${config.siteUrl}/editor/digest/${issue.slug}`,
    ].join("\n");
  });
}

/**
 * Drafts every month of a range, one line per month with its item count. A published month is left alone and an
 * edited draft kept (unless isReplacingEdits), each said so; the other months are drafted or redrafted.
 */
export async function runDigestDraftRange(
  config: Config,
  input: { from: string; to: string; isReplacingEdits?: boolean; now?: Date },
): Promise<string> {
  const months = monthsBetween(input.from, input.to);
  return withDatabase(config, async ({ db }) => {
    const lines: string[] = [];
    const now = input.now ?? new Date();
    for (const month of months) {
      const existing = await findDigestIssue(db, month);
      if (existing?.status === "published") {
        lines.push(`${month}: published, left as it is`);
        continue;
      }
      if (existing && existing.updatedAt.getTime() > existing.composedAt.getTime() && !input.isReplacingEdits) {
        lines.push(`${month}: edited draft kept (--replace-edits to redraft it)`);
        continue;
      }
      const { composed, isReplaced } = await draftDigestIssue(db, {
        month,
        userId: null,
        now,
        isReplacingEdits: input.isReplacingEdits ?? false,
      });
      const items = composed.sections.reduce((n, s) => n + s.items.length, 0);
      lines.push(`${month}: ${isReplaced ? "redrafted" : "drafted"}, ${items} item${items === 1 ? "" : "s"}`);
    }
    return [...lines, `${months.length} months; edit and publish them at ${config.siteUrl}/editor/digest`].join("\n");
  });
}

export async function runDigestList(config: Config): Promise<string> {
  return withDatabase(config, async ({ db }) => {
    const issues = await listDigestIssues(db);
    if (issues.length === 0) return "no digest issues";
    return issues.map((i) => [i.slug, i.status, i.publishedAt?.toISOString() ?? "-", i.title].join("\t")).join("\n");
  });
}

/** Queues a published issue; running it again queues only subscribers not yet queued. */
export async function runDigestQueue(config: Config, input: { slug: string; now?: Date }): Promise<string> {
  return withDatabase(config, async ({ db }) => {
    const result = await queueDigestEmail(db, {
      slug: input.slug,
      baseUrl: config.siteUrl,
      now: input.now ?? new Date(),
    });
    return `digest issue ${input.slug}: ${result.queued} queued, ${result.alreadyQueued} already queued (the delivery queue sends them)`;
  });
}

export function registerDigestCommands(program: Command): void {
  const digest = program.command("digest").description("the monthly digest");
  digest
    .command("draft")
    .description(
      "compose the draft issue of a month (or of every month from --from to --to) from the facts dated in it (replaces an existing draft, never a published issue)",
    )
    .option("--month <YYYY-MM>", "the month, e.g. 2020-01")
    .option("--from <YYYY-MM>", "first month of a range, e.g. 2019-01")
    .option("--to <YYYY-MM>", "last month of a range, e.g. 2026-11")
    .option("--replace-edits", "replace a draft that editors changed after it was drafted", false)
    .action(async (options: { month?: string; from?: string; to?: string; replaceEdits: boolean }) => {
      const isRange = options.from !== undefined || options.to !== undefined;
      if (isRange === (options.month !== undefined) || (isRange && (!options.from || !options.to))) {
        throw new InvalidInputError("give either --month YYYY-MM or both --from YYYY-MM and --to YYYY-MM");
      }
      const isReplacingEdits = options.replaceEdits;
      console.log(
        isRange
          ? await runDigestDraftRange(loadConfig(), { from: options.from!, to: options.to!, isReplacingEdits })
          : await runDigestDraft(loadConfig(), { month: options.month!, isReplacingEdits }),
      );
    });
  digest
    .command("list")
    .description("list digest issues, latest month first")
    .action(async () => console.log(await runDigestList(loadConfig())));
  digest
    .command("queue")
    .alias("send")
    .description(
      "queue a published issue for every confirmed digest subscriber (once per subscriber; the delivery queue sends it)",
    )
    .argument("<slug>", "the issue's month, e.g. 2020-01")
    .action(async (slug: string) => console.log(await runDigestQueue(loadConfig(), { slug })));
}
