// Members of an organization (Popolo: membership seen from the organization), and the organization page's content.
import type { Organization } from "./organization.js";
import type { PartialDate } from "./partial-date.js";
import type { Source } from "./source.js";

export interface OrganizationMember {
  /** A State member; null when the member is another organization (the EU in ARF or the G-20). */
  stateIso3: string | null;
  memberOrganizationId: string | null;
  name: string;
  role: string;
  start: PartialDate | null;
  end: PartialDate | null;
  isCurrent: boolean;
}

export interface OrganizationDetail {
  organization: Organization;
  members: OrganizationMember[];
  sources: Source[];
}
