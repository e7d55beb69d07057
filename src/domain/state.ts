// States and their memberships, as the rest of the code sees them.
import type { PartialDate } from "./partial-date.js";
import type { Source } from "./source.js";
import type { OrganizationClassification, UnRegionalGroup, UnStatus } from "./vocabulary.js";

export interface State {
  iso3: string;
  iso2: string;
  name: string;
  officialName: string;
  unStatus: UnStatus;
  unRegionalGroup: UnRegionalGroup | null;
  admittedOn: string | null;
  unGaNames: string[];
  region: string | null;
  subregion: string | null;
  flag: string | null;
}

export interface StateMembership {
  organizationId: string;
  organizationName: string;
  abbreviation: string | null;
  classification: OrganizationClassification;
  role: string;
  start: PartialDate | null;
  end: PartialDate | null;
  isCurrent: boolean;
}

export interface CyberStrategyAdoption {
  firstAdopted: PartialDate | null;
  strategiesTotal: number;
}

export interface StateProcessRole {
  processId: string;
  processName: string;
  shortName: string;
  /** "member" for a listed member of a closed group, "chair" when the State held the chair, "open" for open-ended processes. */
  role: "member" | "chair" | "open";
  start: PartialDate;
  end: PartialDate | null;
}

export interface StateFilter {
  unRegionalGroup?: UnRegionalGroup | undefined;
  organizationId?: string | undefined;
  unStatus?: UnStatus | undefined;
  /** Case-insensitive match on name, official name, ISO codes or UN spellings. */
  query?: string | undefined;
}

export interface StateProfile {
  state: State;
  memberships: StateMembership[];
  strategy: CyberStrategyAdoption | null;
  processes: StateProcessRole[];
  sources: Source[];
}
