// Series of cyber resolutions (the same title adopted session after session) and the recorded votes among them.

/** What the series needs of a resolution in the cyber fact base. */
export interface SeriesResolution {
  symbol: string;
  title: string | null;
  adoptedOn: string | null;
}

export interface SeriesEntry {
  symbol: string;
  adoptedOn: string | null;
  /** True when a recorded vote event carries the symbol as its id (a resolution adopted without a vote has none). */
  hasRecordedVote: boolean;
}

export interface ResolutionSeries {
  title: string;
  entries: SeriesEntry[];
  /** The recorded votes of the series just before and after the given one (null at either end). */
  previousVote: SeriesEntry | null;
  nextVote: SeriesEntry | null;
}

/** Titles in brackets are the fact base's descriptions of a decision, not UN titles, and make no series. */
function isSeriesTitle(title: string | null): title is string {
  return title !== null && !title.startsWith("(");
}

/**
 * The series a resolution belongs to: every GA resolution of the fact base with exactly the same title, in adoption
 * order (73/187 → 74/247 → 75/282). Null when the symbol is not a resolution of the fact base or its title is shared
 * by no other.
 */
export function findResolutionSeries(
  resolutions: SeriesResolution[],
  votedIds: ReadonlySet<string>,
  symbol: string,
): ResolutionSeries | null {
  const own = resolutions.find((r) => r.symbol === symbol);
  if (!own || !isSeriesTitle(own.title)) return null;
  const members = resolutions
    .filter((r) => r.title === own.title && r.symbol.startsWith("A/RES/"))
    .sort(
      (x, y) =>
        (x.adoptedOn ?? "").localeCompare(y.adoptedOn ?? "") ||
        x.symbol.localeCompare(y.symbol, "en", { numeric: true }),
    );
  if (members.length < 2) return null;
  const entries = members.map((r) => ({
    symbol: r.symbol,
    adoptedOn: r.adoptedOn,
    hasRecordedVote: votedIds.has(r.symbol),
  }));
  const at = entries.findIndex((e) => e.symbol === symbol);
  const previousVote =
    entries
      .slice(0, at)
      .reverse()
      .find((e) => e.hasRecordedVote) ?? null;
  const nextVote = entries.slice(at + 1).find((e) => e.hasRecordedVote) ?? null;
  return { title: own.title, entries, previousVote, nextVote };
}
