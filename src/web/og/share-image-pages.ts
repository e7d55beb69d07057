// The share-preview images (issue 17): /og/votes/<id>.png, /og/states/<ISO3>.png and /og/norms/<id>.png, each the page's
// map on a 1200×630 card. Rendering takes tens of milliseconds, so images are kept in memory for the data version they
// were drawn at (db/data-version.ts, as the page cache does for pages) and sent with an ETag and Cache-Control.
import { createHash } from "node:crypto";
import { Hono, type Context } from "hono";
import { getVoteEventDetail, listVotersCached } from "../../analysis/vote-event-detail.js";
import type { AppDeps } from "../../http/deps.js";
import { getDataVersion } from "../../db/data-version.js";
import { listEvidence, listMapStates } from "../../db/evidence.js";
import { getFrameworkItemDetail } from "../../db/frameworks.js";
import { getState } from "../../db/states.js";
import { deriveStateStatuses } from "../../domain/evidence.js";
import { voteEventLabel, voteEventPath } from "../../domain/votes.js";
import {
  EVIDENCE_STATUS_LABELS,
  EVIDENCE_STATUSES,
  UN_REGIONAL_GROUP_LABELS,
  VOTE_OPTIONS,
  type EvidenceStatus,
  type VoteOption,
} from "../../domain/vocabulary.js";
import { VOTE_LABELS } from "../components/world-map.js";
import { CARD_HEIGHT, CARD_WIDTH, HATCH, renderShareCard, type ShareCard } from "./share-image.js";

/** The pages' map colours (static/site.css, static/implementation.css), given inline: the card has no stylesheet. */
const VOTE_FILLS: Record<VoteOption, string> = { yes: "#1f4e8c", no: "#d55e00", abstain: "#f0c75e", absent: HATCH };
const EVIDENCE_FILLS: Record<EvidenceStatus, string> = {
  implemented: "#1b7a3a",
  "in-progress": "#3f78c4",
  planned: "#e0b020",
  regressed: "#b3261e",
};
const NO_DATA_FILL = "#d9dde3";

/** Kept images (about 60–120 KB each); the oldest go first. */
const MAX_KEPT = 200;

export type ShareImageKind = "votes" | "states" | "norms";

/** The absolute address of a page's share image, from the configured site URL (never the request's Host header). */
export function shareImageUrl(siteUrl: string, kind: ShareImageKind, id: string): string {
  const path = kind === "votes" ? voteEventPath(id) : encodeURIComponent(id);
  return `${siteUrl.replace(/\/+$/, "")}/og/${kind}/${path}.png`;
}

/** What Layout's shareImage takes: the image's absolute address, its text alternative and its size. */
export interface ShareImage {
  url: string;
  alt: string;
  width: number;
  height: number;
}

export function shareImageFor(deps: AppDeps, kind: ShareImageKind, id: string, alt: string): ShareImage {
  return { url: shareImageUrl(deps.editorial.siteUrl, kind, id), alt, width: CARD_WIDTH, height: CARD_HEIGHT };
}

async function voteCard(deps: AppDeps, id: string): Promise<ShareCard> {
  const detail = await getVoteEventDetail(deps.db, id);
  const voters = new Map((await listVotersCached(deps.db)).map((v) => [v.code, v]));
  const e = detail.event;
  const { yes, no, abstain } = e.counted;
  return {
    title: `Vote on ${voteEventLabel(e)}`,
    subtitle: `${e.date} · ${yes} yes, ${no} no, ${abstain} abstentions${e.title ? ` · ${e.title}` : ""}`,
    places: detail.positions.map((p) => ({
      isoNumeric: p.isoNumeric,
      latitude: voters.get(p.code)?.latitude ?? null,
      longitude: voters.get(p.code)?.longitude ?? null,
      fill: VOTE_FILLS[p.vote],
      hasDot: true,
    })),
    otherFill: "#ffffff",
    legend: VOTE_OPTIONS.map((o) => ({ fill: VOTE_FILLS[o], label: VOTE_LABELS[o] })),
  };
}

async function stateCard(deps: AppDeps, iso3: string): Promise<ShareCard> {
  const state = await getState(deps.db, iso3.toUpperCase());
  const place = (await listMapStates(deps.db)).find((s) => s.iso3 === state.iso3);
  const group = state.unRegionalGroup ? UN_REGIONAL_GROUP_LABELS[state.unRegionalGroup] : null;
  return {
    title: state.name,
    subtitle: [state.officialName, group].filter(Boolean).join(" · "),
    places: place ? [{ ...place, fill: "#1f4e8c", hasDot: true, isMarked: true }] : [],
    otherFill: NO_DATA_FILL,
    legend: [{ fill: "#1f4e8c", label: state.name }],
  };
}

async function normCard(deps: AppDeps, id: string): Promise<ShareCard> {
  const { item, framework } = await getFrameworkItemDetail(deps.db, id);
  const { items: evidence } = await listEvidence(deps.db, { itemId: item.id });
  const statusOf = new Map(deriveStateStatuses(evidence).map((s) => [s.stateIso3, s.status]));
  const places = (await listMapStates(deps.db)).flatMap((s) => {
    const status = statusOf.get(s.iso3);
    return status ? [{ ...s, fill: EVIDENCE_FILLS[status], hasDot: true }] : [];
  });
  return {
    title: `${item.code} ${item.shortTitle}`,
    subtitle: `Published evidence from ${statusOf.size} States · ${framework.name}`,
    places,
    otherFill: NO_DATA_FILL,
    legend: [
      ...EVIDENCE_STATUSES.map((s) => ({ fill: EVIDENCE_FILLS[s], label: EVIDENCE_STATUS_LABELS[s] })),
      { fill: NO_DATA_FILL, label: "No published evidence" },
    ],
  };
}

interface KeptImage {
  png: Uint8Array;
  etag: string;
}

export function shareImagePages(deps: AppDeps): Hono {
  const app = new Hono();
  const kept = new Map<string, Promise<KeptImage>>();
  let keptVersion: number | undefined;

  const answer = async (c: Context, key: string, load: () => Promise<ShareCard>): Promise<Response> => {
    const version = await getDataVersion(deps.db);
    if (version !== keptVersion) {
      kept.clear();
      keptVersion = version;
    }
    let image = kept.get(key);
    if (!image) {
      // Concurrent requests for one image share its rendering; a failure (unknown record) is not kept.
      image = load().then((card) => {
        const png = renderShareCard(card);
        return { png, etag: `"${createHash("sha1").update(png).digest("base64url")}"` };
      });
      kept.set(key, image);
      image.catch(() => kept.delete(key));
      for (const oldest of kept.keys()) {
        if (kept.size <= MAX_KEPT) break;
        kept.delete(oldest);
      }
    }
    const { png, etag } = await image;
    const headers = {
      "Content-Type": "image/png",
      // Social sites fetch the image once in a while; a day-old map is fine, and the ETag makes revalidation cheap.
      "Cache-Control": "public, max-age=3600, stale-while-revalidate=86400",
      ETag: etag,
    };
    if (c.req.header("if-none-match") === etag) return c.body(null, 304, headers);
    return c.body(png as Uint8Array<ArrayBuffer>, 200, headers);
  };

  app.get("/votes/:id{.+\\.png}", (c) => {
    const id = c.req.param("id").slice(0, -".png".length);
    return answer(c, `votes ${id}`, () => voteCard(deps, id));
  });
  app.get("/states/:iso3{[A-Za-z]{3}\\.png}", (c) => {
    const iso3 = c.req.param("iso3").slice(0, 3).toUpperCase();
    return answer(c, `states ${iso3}`, () => stateCard(deps, iso3));
  });
  app.get("/norms/:id{[a-z0-9-]+\\.png}", (c) => {
    const id = c.req.param("id").slice(0, -".png".length);
    return answer(c, `norms ${id}`, () => normCard(deps, id));
  });
  return app;
}
