// Gathers what the digest is composed from: a period's updates, resolutions, cyber votes, documents, sessions
// (held and in the weeks after), deadlines, stakeholder actions and implementation records published in it.
import { and, asc, eq, gte, inArray, isNull, lt, notInArray, or, sql, type AnyColumn, type SQL } from "drizzle-orm";
import { activityWithin, citeSource } from "../domain/activity.js";
import type { DigestLink, DigestPeriod, DigestRecords, DigestTheme } from "../domain/digest.js";
import { documentPath } from "../domain/documents.js";
import { markdownToPlainText } from "../domain/markdown.js";
import type { PartialDate } from "../domain/partial-date.js";
import type { Source } from "../domain/source.js";
import { linkPath } from "../domain/updates.js";
import {
  DEADLINE_KIND_LABELS,
  DOCUMENT_TYPE_LABELS,
  STAKEHOLDER_ACTION_KIND_LABELS,
  type ProcessKind,
  type ResolutionTopic,
} from "../domain/vocabulary.js";
import { listActivity } from "./activity.js";
import type { Db } from "./client.js";
import { listDeadlines } from "./deadlines.js";
import { documents } from "./schema/documents.js";
import { auditLog } from "./schema/editorial.js";
import { evidence, instruments, programmes } from "./schema/implementation.js";
import { updateLinks, updates } from "./schema/participation.js";
import { frameworkItems, processes, resolutions, sessions } from "./schema/processes.js";
import { organizations, states } from "./schema/reference.js";
import { voteEvents } from "./schema/votes.js";
import { listSessions } from "./sessions.js";
import { findSource, listSourcesByRecord } from "./sources.js";
import { listStakeholderActions } from "./stakeholder-actions.js";

/** The source to cite beside an item: a web page or document first, else a dataset with a URL. */
export function citedSource(list: Source[] | undefined): DigestLink | null {
  const withUrl = (list ?? []).filter((s) => s.url);
  const best = withUrl.find((s) => s.kind !== "dataset") ?? withUrl[0];
  if (!best) return null;
  // Web-page sources are often titled with their own address: show the host instead.
  const isTitled = /\s/.test(best.title) && best.title.length <= 100;
  return { title: isTitled ? best.title : hostOf(best.url!), url: best.url! };
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, "");
  } catch {
    return "source";
  }
}

interface Lookups {
  processes: Map<string, { kind: ProcessKind; shortName: string }>;
  topics: Map<string, ResolutionTopic>;
  sessionProcess: Map<string, string>;
}

async function loadLookups(db: Db): Promise<Lookups> {
  const [ps, rs, ss] = [
    await db.select({ id: processes.id, kind: processes.kind, shortName: processes.shortName }).from(processes),
    await db.select({ symbol: resolutions.symbol, topic: resolutions.topic }).from(resolutions),
    await db.select({ id: sessions.id, processId: sessions.processId }).from(sessions),
  ];
  return {
    processes: new Map(ps.map((p) => [p.id, { kind: p.kind, shortName: p.shortName }])),
    topics: new Map(rs.map((r) => [r.symbol, r.topic])),
    sessionProcess: new Map(ss.map((s) => [s.id, s.processId])),
  };
}

function themeOf(lookups: Lookups, processId: string | null, symbol: string | null): DigestTheme {
  return {
    processKind: (processId && lookups.processes.get(processId)?.kind) || null,
    topic: (symbol && lookups.topics.get(symbol)) || null,
  };
}

async function gatherUpdates(db: Db, period: DigestPeriod, lookups: Lookups): Promise<DigestRecords["updates"]> {
  const rows = await db
    .select()
    .from(updates)
    .where(and(gte(updates.publishedOn, period.start), lt(updates.publishedOn, period.end)))
    .orderBy(asc(updates.publishedOn), asc(updates.id));
  if (rows.length === 0) return [];
  const links = await db
    .select()
    .from(updateLinks)
    .where(
      inArray(
        updateLinks.updateId,
        rows.map((r) => r.id),
      ),
    )
    .orderBy(asc(updateLinks.recordKind), asc(updateLinks.recordId));
  return rows.map((u) => {
    const own = links.filter((l) => l.updateId === u.id);
    const processId =
      own.find((l) => l.recordKind === "process")?.recordId ??
      own.map((l) => (l.recordKind === "session" ? lookups.sessionProcess.get(l.recordId) : undefined)).find(Boolean) ??
      null;
    const symbol = own.find((l) => l.recordKind === "resolution" || l.recordKind === "document")?.recordId ?? null;
    return {
      slug: u.slug,
      title: u.title,
      summary: markdownToPlainText(u.bodyMarkdown, 240),
      publishedOn: u.publishedOn,
      links: own.map((l) => ({
        title: l.recordKind === "process" ? (lookups.processes.get(l.recordId)?.shortName ?? l.recordId) : l.recordId,
        url: linkPath({ kind: l.recordKind, id: l.recordId }),
      })),
      theme: themeOf(lookups, processId, symbol),
    };
  });
}

async function gatherResolutionsAndVotes(
  db: Db,
  period: DigestPeriod,
): Promise<Pick<DigestRecords, "resolutions" | "voteEvents">> {
  const rows = await db
    .select()
    .from(resolutions)
    .where(and(gte(resolutions.adoptedOn, period.start), lt(resolutions.adoptedOn, period.end)))
    .orderBy(asc(resolutions.adoptedOn), asc(resolutions.symbol));
  const sourcesOf = await listSourcesByRecord(
    db,
    "resolution",
    rows.map((r) => r.symbol),
  );
  const votes = await db
    .select({ e: voteEvents, topic: resolutions.topic })
    .from(voteEvents)
    .innerJoin(resolutions, eq(resolutions.symbol, voteEvents.symbol))
    .where(and(gte(voteEvents.date, period.start), lt(voteEvents.date, period.end)))
    .orderBy(asc(voteEvents.date), asc(voteEvents.id));
  const voteSources = new Map<string, Source | null>();
  for (const id of new Set(votes.flatMap((v) => v.e.sourceIds))) voteSources.set(id, await findSource(db, id));
  return {
    // The adoption is cited to the resolution's own document (else the dataset holding its text), never to a draft or a press release of another stage.
    resolutions: rows.map((r) => ({
      symbol: r.symbol,
      title: r.title,
      topic: r.topic,
      adoptedOn: r.adoptedOn,
      adoptionNote: r.adoptionNote,
      yes: r.yes,
      no: r.no,
      abstain: r.abstain,
      source: citeSource(sourcesOf.get(r.symbol) ?? [], ["document", "dataset"]),
    })),
    // Totals from the vote's own record (as its source reports them, else as counted from its votes), cited to that record's source.
    voteEvents: votes.map(({ e, topic }) => {
      const totals =
        e.reportedYes !== null
          ? { yes: e.reportedYes, no: e.reportedNo ?? 0, abstain: e.reportedAbstain ?? 0 }
          : { yes: e.countedYes, no: e.countedNo, abstain: e.countedAbstain };
      const sources = e.sourceIds.map((id) => voteSources.get(id)).filter((x): x is Source => Boolean(x));
      return {
        id: e.id,
        symbol: e.symbol,
        title: e.title,
        date: e.date,
        topic,
        ...totals,
        source: citeSource(sources, ["dataset", "document"]),
      };
    }),
  };
}

async function gatherDocuments(db: Db, period: DigestPeriod, lookups: Lookups): Promise<DigestRecords["documents"]> {
  const isDated = and(gte(documents.documentDate, period.start), lt(documents.documentDate, period.end));
  const isIngested = and(
    gte(documents.ingestedAt, new Date(`${period.start}T00:00:00Z`)),
    lt(documents.ingestedAt, new Date(`${period.end}T00:00:00Z`)),
  );
  const rows = await db
    .select()
    .from(documents)
    .where(and(eq(documents.isCurrent, true), or(isDated, isIngested)))
    .orderBy(asc(documents.slug), sql`${documents.language} <> 'en'`, asc(documents.language));
  const seen = new Set<string>();
  return rows
    .filter((d) => !seen.has(d.slug) && seen.add(d.slug))
    .map((d) => ({
      slug: d.slug,
      path: documentPath(d.slug),
      symbol: d.symbol,
      title: d.title,
      typeLabel: DOCUMENT_TYPE_LABELS[d.type],
      documentDate: d.documentDate,
      version: d.version,
      ingestedOn: d.ingestedAt.toISOString().slice(0, 10),
      sourceUrl: d.sourceUrl,
      theme: themeOf(lookups, d.processId, d.symbol),
    }));
}

async function gatherSessions(db: Db, period: DigestPeriod): Promise<DigestRecords["sessions"]> {
  const { items } = await listSessions(db, { from: period.start, to: period.horizonEnd });
  const sourcesOf = await listSourcesByRecord(
    db,
    "session",
    items.map((s) => s.id),
  );
  return items.map((s) => ({
    id: s.id,
    name: s.name,
    processShortName: s.processShortName,
    processKind: s.processKind,
    start: s.start,
    end: s.end,
    venue: s.venue,
    source: citedSource(sourcesOf.get(s.id)),
  }));
}

async function gatherParticipation(
  db: Db,
  lookups: Lookups,
): Promise<Pick<DigestRecords, "deadlines" | "stakeholderActions">> {
  const [deadlines, actions] = [await listDeadlines(db), await listStakeholderActions(db)];
  return {
    deadlines: deadlines.map((d) => ({
      id: d.id,
      title: d.title,
      processShortName: d.processShortName,
      kindLabel: DEADLINE_KIND_LABELS[d.kind],
      opens: d.opens,
      closes: d.closes,
      source: citedSource(d.sources),
    })),
    stakeholderActions: actions.map((a) => ({
      id: a.id,
      title: a.title,
      kindLabel: STAKEHOLDER_ACTION_KIND_LABELS[a.kind],
      processId: a.processId,
      processShortName: a.processId ? (lookups.processes.get(a.processId)?.shortName ?? null) : null,
      actedOn: a.actedOn,
      signatoryCount: a.signatoryCount,
      source: a.documentUrl ? { title: "text", url: a.documentUrl } : citedSource(a.sources),
    })),
  };
}

/**
 * Evidence, instruments and programmes of the period. A record dated to the day or month (a strategy adopted in December
 * 2019) belongs to the month of its own date, whenever it entered the database; one dated only to the year, or not at
 * all, belongs to the month it was created (published through the editorial workflow).
 */
async function gatherImplementation(db: Db, period: DigestPeriod): Promise<DigestRecords["implementation"]> {
  const created = await db
    .select({ kind: auditLog.recordKind, id: auditLog.recordId, at: auditLog.at })
    .from(auditLog)
    .where(
      and(
        inArray(auditLog.recordKind, ["evidence", "instrument", "programme"]),
        eq(auditLog.operation, "create"),
        gte(auditLog.at, new Date(`${period.start}T00:00:00Z`)),
        lt(auditLog.at, new Date(`${period.end}T00:00:00Z`)),
      ),
    );
  const idsOf = (kind: string) => created.filter((c) => c.kind === kind).map((c) => c.id);
  const createdOn = (kind: string, id: string) =>
    created
      .find((c) => c.kind === kind && c.id === id)
      ?.at.toISOString()
      .slice(0, 10) ?? null;
  /** Own date in the period at day or month precision, or no such date and created in the period. */
  const belongs = (day: AnyColumn, precision: AnyColumn, createdIds: SQL | undefined) =>
    or(
      and(gte(day, period.start), lt(day, period.end), inArray(precision, OWN_MONTH_PRECISIONS)),
      and(or(isNull(day), notInArray(precision, OWN_MONTH_PRECISIONS)), createdIds ?? sql`false`),
    );
  const placed = (kind: string, id: string, day: string | null, precision: PartialDate["precision"] | null) =>
    day && precision && (OWN_MONTH_PRECISIONS as string[]).includes(precision)
      ? { publishedOn: day, precision }
      : { publishedOn: createdOn(kind, id) ?? period.start };
  const out: DigestRecords["implementation"] = [];
  const evidenceIds = idsOf("evidence").map(Number).filter(Number.isInteger);
  const evidenceRows = await db
    .select({
      id: evidence.id,
      stateName: states.name,
      orgName: organizations.name,
      code: frameworkItems.code,
      item: frameworkItems.shortTitle,
      url: evidence.externalUrl,
      day: evidence.observedOn,
      precision: evidence.observedPrecision,
    })
    .from(evidence)
    .innerJoin(frameworkItems, eq(frameworkItems.id, evidence.itemId))
    .leftJoin(states, eq(states.iso3, evidence.stateIso3))
    .leftJoin(organizations, eq(organizations.id, evidence.organizationId))
    .where(
      belongs(
        evidence.observedOn,
        evidence.observedPrecision,
        evidenceIds.length ? inArray(evidence.id, evidenceIds) : undefined,
      ),
    );
  for (const r of evidenceRows)
    out.push({
      kind: "evidence",
      id: String(r.id),
      title: `${r.stateName ?? r.orgName ?? "?"}: ${r.code} ${r.item}`,
      ...placed("evidence", String(r.id), r.day, r.precision),
      path: `/history/evidence/${r.id}`,
      source: r.url ? { title: "source", url: r.url } : null,
    });
  const instrumentRows = await db
    .select({
      id: instruments.id,
      title: instruments.title,
      stateName: states.name,
      url: instruments.url,
      day: instruments.adoptedOn,
      precision: instruments.adoptedPrecision,
    })
    .from(instruments)
    .leftJoin(states, eq(states.iso3, instruments.stateIso3))
    .where(
      belongs(
        instruments.adoptedOn,
        instruments.adoptedPrecision,
        idsOf("instrument").length ? inArray(instruments.id, idsOf("instrument")) : undefined,
      ),
    );
  const instrumentSources = await listSourcesByRecord(
    db,
    "instrument",
    instrumentRows.map((r) => r.id),
  );
  for (const r of instrumentRows)
    out.push({
      kind: "instrument",
      id: r.id,
      title: r.stateName ? `${r.stateName}: ${r.title}` : r.title,
      ...placed("instrument", r.id, r.day, r.precision),
      path: `/instruments/${encodeURIComponent(r.id)}`,
      source: r.url ? { title: "source", url: r.url } : citeSource(instrumentSources.get(r.id) ?? []),
    });
  const programmeRows = await db
    .select({
      id: programmes.id,
      title: programmes.title,
      url: programmes.url,
      day: programmes.startOn,
      precision: programmes.startPrecision,
    })
    .from(programmes)
    .where(
      belongs(
        programmes.startOn,
        programmes.startPrecision,
        idsOf("programme").length ? inArray(programmes.id, idsOf("programme")) : undefined,
      ),
    );
  for (const r of programmeRows)
    out.push({
      kind: "programme",
      id: r.id,
      title: r.title,
      ...placed("programme", r.id, r.day, r.precision),
      path: `/capacity-building/${encodeURIComponent(r.id)}`,
      source: r.url ? { title: "source", url: r.url } : null,
    });
  return out.sort(
    (a, b) => a.publishedOn.localeCompare(b.publishedOn) || a.kind.localeCompare(b.kind) || a.id.localeCompare(b.id),
  );
}

const OWN_MONTH_PRECISIONS: PartialDate["precision"][] = ["day", "month"];

/** Every record the digest of `period` may draw on (composeDigest filters them to the period precisely). */
export async function gatherDigestRecords(db: Db, period: DigestPeriod): Promise<DigestRecords> {
  const lookups = await loadLookups(db);
  return {
    updates: await gatherUpdates(db, period, lookups),
    ...(await gatherResolutionsAndVotes(db, period)),
    documents: await gatherDocuments(db, period, lookups),
    sessions: await gatherSessions(db, period),
    ...(await gatherParticipation(db, lookups)),
    implementation: await gatherImplementation(db, period),
    activity: activityWithin(await listActivity(db), period.start, period.horizonEnd),
  };
}
