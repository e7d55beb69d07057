// A span of partial dates ("3–4 June 2019" style is left to the reader: we show both ends at their precision).
import { formatPartialDateIso, type PartialDate } from "../../domain/partial-date.js";
import { DateText } from "./partial-date.js";

/** Start – end at their precisions; one date when both ends are the same; "ongoing" for an open end when asked. */
export function DateRange(props: { start: PartialDate | null; end: PartialDate | null; openEnd?: string }) {
  const { start, end } = props;
  if (!start && !end) return <span class="muted">dates not known</span>;
  if (start && end && formatPartialDateIso(start) === formatPartialDateIso(end)) return <DateText value={start} />;
  if (start && !end && !props.openEnd) return <DateText value={start} />;
  return (
    <>
      <DateText value={start} />
      {" – "}
      <DateText value={end} fallback={props.openEnd ?? "not known"} />
    </>
  );
}
