// A date shown at the precision its source gives, with a machine-readable <time>.
import { formatPartialDate, formatPartialDateIso, type PartialDate } from "../../domain/partial-date.js";

export function DateText(props: { value: PartialDate | null; fallback?: string }) {
  if (!props.value) return <span class="muted">{props.fallback ?? "not known"}</span>;
  return <time datetime={formatPartialDateIso(props.value)}>{formatPartialDate(props.value)}</time>;
}
