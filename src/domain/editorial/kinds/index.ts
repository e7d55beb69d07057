// Every editable record kind, one file each: adding a kind is a file here, its line below and its table in db/changes-kinds.ts.
import type { EditableRecordKind } from "../../vocabulary.js";
import { accreditationKind } from "./accreditation.js";
import { assessmentKind } from "./assessment.js";
import { deadlineKind } from "./deadline.js";
import { evidenceKind } from "./evidence.js";
import { frameworkItemKind } from "./framework-item.js";
import { frameworkKind } from "./framework.js";
import { instrumentKind } from "./instrument.js";
import { legalPositionKind } from "./legal-position.js";
import type { KindSpec } from "./kind.js";
import { membershipKind } from "./membership.js";
import { organizationKind } from "./organization.js";
import { processKind } from "./process.js";
import { programmeKind } from "./programme.js";
import { resolutionKind } from "./resolution.js";
import { sessionKind } from "./session.js";
import { stakeholderActionKind } from "./stakeholder-action.js";
import { treatyActionKind } from "./treaty-action.js";
import { updateKind } from "./update.js";

export const KIND_SPECS: Record<EditableRecordKind, KindSpec> = {
  process: processKind,
  session: sessionKind,
  resolution: resolutionKind,
  organization: organizationKind,
  membership: membershipKind,
  framework: frameworkKind,
  "framework-item": frameworkItemKind,
  evidence: evidenceKind,
  instrument: instrumentKind,
  assessment: assessmentKind,
  programme: programmeKind,
  update: updateKind,
  deadline: deadlineKind,
  accreditation: accreditationKind,
  "stakeholder-action": stakeholderActionKind,
  "legal-position": legalPositionKind,
  "treaty-action": treatyActionKind,
};
