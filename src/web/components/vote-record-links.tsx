// On a vote page: the voted resolution's record and stored text when they exist, and the source's description with
// the symbols and norm references it names linked.
import { documentPath } from "../../domain/documents.js";
import { symbolPath } from "../../domain/resolution.js";
import { symbolWithoutPart } from "../../domain/symbols.js";
import type { KnownLinkTargets } from "../../domain/text-links.js";
import { LinkedText } from "./linked-text.js";

export function VoteRecordLinks(props: { symbol: string | null; description: string | null; links: KnownLinkTargets }) {
  const { symbol, description, links } = props;
  const bare = symbol ? symbolWithoutPart(symbol) : null;
  const record = [symbol, bare].find((s): s is string => s !== null && links.resolutions.has(s));
  const text = symbol ? (links.documents.get(symbol) ?? links.documents.get(bare!)) : undefined;
  return (
    <>
      {record || text ? (
        <ul class="plain record-links">
          {record ? (
            <li>
              <a href={`/resolutions/${symbolPath(record)}`}>The resolution record of {record}</a>: adoption, processes
              and sources
            </li>
          ) : null}
          {text ? (
            <li>
              <a href={documentPath(text)}>The text of {symbol}</a>, paragraph by paragraph
            </li>
          ) : null}
        </ul>
      ) : null}
      {description ? (
        <details class="vote-description">
          <summary>Description as the source gives it</summary>
          <p>
            <LinkedText text={description} links={links} />
          </p>
        </details>
      ) : null}
    </>
  );
}
