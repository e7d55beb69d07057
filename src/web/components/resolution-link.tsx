// Links to a resolution's page and, when the vote was recorded, to its per-State votes page.
import { formatVoteTotals, hasRecordedVote, symbolPath, type ResolutionSummary } from "../../domain/resolution.js";

export function ResolutionLink(props: { symbol: string }) {
  return <a href={`/resolutions/${symbolPath(props.symbol)}`}>{props.symbol}</a>;
}

/** "79–60–33" with a link to the votes page, "without a vote", or the source's wording. */
export function AdoptionText(props: { resolution: ResolutionSummary }) {
  const r = props.resolution;
  const totals = formatVoteTotals(r);
  if (totals) {
    return (
      <>
        <span class="totals" title="yes–no–abstain">
          {totals}
        </span>
        {hasRecordedVote(r) ? (
          <>
            {" "}
            (<a href={`/votes/${symbolPath(r.symbol)}`}>votes</a>)
          </>
        ) : null}
      </>
    );
  }
  if (r.adoptionMethod === "without-vote") return <>without a vote</>;
  return <span class="muted">{r.adoptionNote ?? "not recorded"}</span>;
}
