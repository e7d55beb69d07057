// `normwatch digest draft --month 2020-01`, `normwatch digest list` and `normwatch digest queue <slug>`: draft a
// month's issue from what changed, list issues, and queue a published issue for every digest subscriber.
import type { Command } from "commander";
import { loadConfig, siteBaseUrl, type Config } from "../config.js";
import { draftDigestIssue, listDigestIssues } from "../db/digest.js";
import { queueDigestEmail } from "../newsletter/digest-email.js";
import { withDatabase } from "./database.js";

/** Drafts (or redrafts) the month's issue and says what it holds. */
export async function runDigestDraft(config: Config, input: { month: string; isReplacingEdits?: boolean; now?: Date }): Promise<string> {
  return withDatabase(config, async ({ db }) => {
    const { issue, composed, isReplaced } = await draftDigestIssue(db, { month: input.month, userId: null, now: input.now ?? new Date(), isReplacingEdits: input.isReplacingEdits ?? false });
    const counts = composed.sections.map((s) => `  ${s.heading}: ${s.items.length}`);
    return [`${isReplaced ? "redrafted" : "drafted"} digest issue ${issue.slug}: ${issue.title}`, ...(counts.length ? counts : ["  nothing tracked changed in this period"]), `edit and publish it at ${siteBaseUrl(config)}/editor/digest/${issue.slug}`].join("\n");
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
    const result = await queueDigestEmail(db, { slug: input.slug, baseUrl: siteBaseUrl(config), now: input.now ?? new Date() });
    return `digest issue ${input.slug}: ${result.queued} queued, ${result.alreadyQueued} already queued (the delivery queue sends them)`;
  });
}

export function registerDigestCommands(program: Command): void {
  const digest = program.command("digest").description("the monthly digest");
  digest
    .command("draft")
    .description("compose the draft issue of a month from what changed in it (replaces an existing draft, never a published issue)")
    .requiredOption("--month <YYYY-MM>", "the month, e.g. 2020-01")
    .option("--replace-edits", "replace a draft that editors changed after it was drafted", false)
    .action(async (options: { month: string; replaceEdits: boolean }) => console.log(await runDigestDraft(loadConfig(), { month: options.month, isReplacingEdits: options.replaceEdits })));
  digest.command("list").description("list digest issues, latest month first").action(async () => console.log(await runDigestList(loadConfig())));
  digest
    .command("queue")
    .alias("send")
    .description("queue a published issue for every confirmed digest subscriber (once per subscriber; the delivery queue sends it)")
    .argument("<slug>", "the issue's month, e.g. 2020-01")
    .action(async (slug: string) => console.log(await runDigestQueue(loadConfig(), { slug })));
}
