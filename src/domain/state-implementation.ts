// What the implementation tracker shows about one State: evidence per norm/CBM (by status and by who reports
// it), instruments with their assessments and rubric versions, programmes benefiting it, and gaps.
import type { FrameworkItem } from "./framework.js";
import type { Programme } from "./programme.js";
import type { InstrumentAssessments } from "./instruments.js";
import type { Rubric } from "./rubric.js";
import type { EvidenceStatus, ReporterKind } from "./vocabulary.js";

export interface ItemEvidenceRow {
  item: FrameworkItem;
  frameworkName: string;
  total: number;
  byStatus: Partial<Record<EvidenceStatus, number>>;
  byReporter: Partial<Record<ReporterKind, number>>;
}

export interface StateImplementation {
  stateIso3: string;
  items: ItemEvidenceRow[];
  instruments: InstrumentAssessments[];
  /** Every rubric version the State's assessments use (with all its criteria), for the traffic lights. */
  rubrics: Rubric[];
  programmes: Programme[];
  /** Items with no published evidence for the State. */
  gaps: ItemEvidenceRow[];
}
