// Every controlled list of the domain, defined once: types, validation schemas and database enums derive from here.

export const UN_REGIONAL_GROUPS = ["AFRICAN", "ASIA_PACIFIC", "EEG", "GRULAC", "WEOG"] as const;
export type UnRegionalGroup = (typeof UN_REGIONAL_GROUPS)[number];
export const UN_REGIONAL_GROUP_LABELS: Record<UnRegionalGroup, string> = {
  AFRICAN: "African Group",
  ASIA_PACIFIC: "Asia-Pacific Group",
  EEG: "Eastern European Group",
  GRULAC: "Latin American and Caribbean Group (GRULAC)",
  WEOG: "Western European and Others Group (WEOG)",
};

/** A State's standing at the UN: Member State, non-member observer State, or neither. */
export const UN_STATUSES = ["member", "observer", "non-member"] as const;
export type UnStatus = (typeof UN_STATUSES)[number];

/** How precise a stored date is: sources often give only a month or a year. */
export const DATE_PRECISIONS = ["day", "month", "year"] as const;
export type DatePrecision = (typeof DATE_PRECISIONS)[number];

export const CONFIDENCE_LEVELS = ["high", "medium"] as const;
export type Confidence = (typeof CONFIDENCE_LEVELS)[number];

export const PROCESS_KINDS = ["gge", "oewg", "ahc", "permanent-mechanism"] as const;
export type ProcessKind = (typeof PROCESS_KINDS)[number];
export const PROCESS_KIND_LABELS: Record<ProcessKind, string> = {
  gge: "Group of Governmental Experts",
  oewg: "Open-ended Working Group",
  ahc: "Ad Hoc Committee",
  "permanent-mechanism": "Permanent mechanism",
};

export const SESSION_KINDS = [
  "organizational",
  "substantive",
  "informal-consultation",
  "intersessional",
  "intersessional-multistakeholder",
  "regional-consultation",
  "signing-ceremony",
] as const;
export type SessionKind = (typeof SESSION_KINDS)[number];

export const DECISION_RECORD_TYPES = ["resolution", "decision"] as const;
export type DecisionRecordType = (typeof DECISION_RECORD_TYPES)[number];

export const ADOPTION_METHODS = ["recorded-vote", "without-vote"] as const;
export type AdoptionMethod = (typeof ADOPTION_METHODS)[number];

export const RESOLUTION_TOPICS = ["ict-security", "cybercrime", "cybercrime-related"] as const;
export type ResolutionTopic = (typeof RESOLUTION_TOPICS)[number];
export const RESOLUTION_TOPIC_LABELS: Record<ResolutionTopic, string> = {
  "ict-security": "ICTs in international security",
  cybercrime: "Cybercrime",
  "cybercrime-related": "Cybercrime (related)",
};

export const ORGANIZATION_CLASSIFICATIONS = [
  "intergovernmental",
  "regional",
  "treaty",
  "un-body",
  "ngo",
  "company",
  "academic",
] as const;
export type OrganizationClassification = (typeof ORGANIZATION_CLASSIFICATIONS)[number];

export const FRAMEWORK_KINDS = ["norms", "cbms"] as const;
export type FrameworkKind = (typeof FRAMEWORK_KINDS)[number];

export const SOURCE_KINDS = ["dataset", "web-page", "document"] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

/** Kinds of record that can carry sources through the record_sources relation. */
export const RECORD_KINDS = [
  "state",
  "organization",
  "membership",
  "process",
  "session",
  "resolution",
  "framework",
  "framework-item",
  "cyber-strategy",
  "evidence",
  "instrument",
  "assessment",
  "programme",
  "update",
  "deadline",
  "accreditation",
  "stakeholder-action",
  "legal-position",
  "treaty",
  "treaty-action",
] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

/**
 * Questions of international law a published position may address (issue 16), as the national-positions
 * dataset codes them. A position's list holds only what a read source says it addresses: a topic missing from
 * it is "not extracted", never "not addressed".
 */
export const LEGAL_TOPICS = [
  "sovereignty",
  "non-intervention",
  "use-of-force",
  "self-defence",
  "due-diligence",
  "state-responsibility",
  "attribution",
  "countermeasures",
  "ihl",
  "human-rights",
] as const;
export type LegalTopic = (typeof LEGAL_TOPICS)[number];
export const LEGAL_TOPIC_LABELS: Record<LegalTopic, string> = {
  sovereignty: "Sovereignty",
  "non-intervention": "Non-intervention",
  "use-of-force": "Use of force",
  "self-defence": "Self-defence",
  "due-diligence": "Due diligence",
  "state-responsibility": "State responsibility",
  attribution: "Attribution",
  countermeasures: "Countermeasures",
  ihl: "International humanitarian law",
  "human-rights": "Human rights",
};

/** What a treaty action row records: a signature not (yet) followed by consent, or the form of consent to be bound. */
export const TREATY_ACTION_KINDS = ["signature", "ratification", "accession", "acceptance", "approval"] as const;
export type TreatyActionKind = (typeof TREATY_ACTION_KINDS)[number];
export const TREATY_ACTION_KIND_LABELS: Record<TreatyActionKind, string> = {
  signature: "Signature only",
  ratification: "Ratification",
  accession: "Accession",
  acceptance: "Acceptance",
  approval: "Approval",
};

/** A State's position in a vote event; "absent" also covers "not recorded" (absent, present but not voting, or without a vote under Article 19). */
export const VOTE_OPTIONS = ["yes", "no", "abstain", "absent"] as const;
export type VoteOption = (typeof VOTE_OPTIONS)[number];
/** What a vote event decided on; "unspecified" when the source does not say (Voeten codes it only for some roll calls). */
export const MOTION_KINDS = ["resolution", "paragraph", "amendment", "unspecified"] as const;
export type MotionKind = (typeof MOTION_KINDS)[number];
export const VOTE_DATA_SOURCES = ["voeten-unvotes", "unxml"] as const;
export type VoteDataSource = (typeof VOTE_DATA_SOURCES)[number];

/** Editorial accounts (issue 5): an admin manages users and also edits; an editor creates, edits and reviews. */
export const USER_ROLES = ["admin", "editor"] as const;
export type UserRole = (typeof USER_ROLES)[number];
/** What an API token may do; tokens are for scripts using the write API. */
export const API_TOKEN_SCOPES = ["changes:write", "changes:review"] as const;
export type ApiTokenScope = (typeof API_TOKEN_SCOPES)[number];
/** Record kinds editors can create, edit and withdraw through the review workflow. */
export const EDITABLE_RECORD_KINDS = [
  "process",
  "session",
  "resolution",
  "organization",
  "membership",
  "framework",
  "framework-item",
  "evidence",
  "instrument",
  "assessment",
  "programme",
  "update",
  "deadline",
  "accreditation",
  "stakeholder-action",
  "legal-position",
  "treaty-action",
] as const;
export type EditableRecordKind = (typeof EDITABLE_RECORD_KINDS)[number];
export const CHANGE_OPERATIONS = ["create", "update", "withdraw"] as const;
export type ChangeOperation = (typeof CHANGE_OPERATIONS)[number];
/** A proposed change: draft → in_review → published, or rejected at review. */
export const CHANGE_STATUSES = ["draft", "in_review", "published", "rejected"] as const;
export type ChangeStatus = (typeof CHANGE_STATUSES)[number];
export const CORRECTION_STATUSES = ["open", "accepted", "declined"] as const;
export type CorrectionStatus = (typeof CORRECTION_STATUSES)[number];

export const SESSION_KIND_LABELS: Record<SessionKind, string> = {
  organizational: "Organizational session",
  substantive: "Substantive session",
  "informal-consultation": "Informal consultation",
  intersessional: "Intersessional meeting",
  "intersessional-multistakeholder": "Intersessional multistakeholder meeting",
  "regional-consultation": "Regional consultation",
  "signing-ceremony": "Signing ceremony",
};

/** Documents and search (issue 4): what a document is, how it arrived, what its paragraphs are, what a paragraph mentions. */
export const DOCUMENT_TYPES = [
  "resolution",
  "decision",
  "draft-resolution",
  "report",
  "chairs-summary",
  "statement",
  "submission",
  "letter",
  "consultation-response",
  "national-strategy",
  "conference-room-paper",
  "note",
  "other",
] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];
export const DOCUMENT_TYPE_LABELS: Record<DocumentType, string> = {
  resolution: "Resolution",
  decision: "Decision",
  "draft-resolution": "Draft resolution",
  report: "Report",
  "chairs-summary": "Chair's summary",
  statement: "Statement",
  submission: "Submission",
  letter: "Letter",
  "consultation-response": "Consultation response",
  "national-strategy": "National strategy",
  "conference-room-paper": "Conference room paper",
  note: "Note",
  other: "Other document",
};
export const DOCUMENT_FORMATS = ["akn", "pdf", "docx", "html", "text", "markdown"] as const;
export type DocumentFormat = (typeof DOCUMENT_FORMATS)[number];
export const PARAGRAPH_KINDS = ["preambular", "operative", "sub-item", "annex", "heading", "text"] as const;
export type ParagraphKind = (typeof PARAGRAPH_KINDS)[number];
/** norm-topic and cbm-topic are keyword matches with a confidence, kept apart from explicit references. */
export const MENTION_KINDS = ["state", "norm", "norm-topic", "cbm-topic", "process"] as const;
export type MentionKind = (typeof MENTION_KINDS)[number];
/** Document languages (ISO 639-1) and the PostgreSQL text-search configuration each is indexed with; others use 'simple'. */
export const SEARCH_CONFIGS = { en: "english", fr: "french", es: "spanish", ru: "russian", ar: "arabic" } as const;
export type SearchConfig = (typeof SEARCH_CONFIGS)[keyof typeof SEARCH_CONFIGS] | "simple";

/** Participation (issue 7): deadlines, accreditation outcomes, stakeholder actions, update links and feeds. */
export const DEADLINE_KINDS = [
  "accreditation-window",
  "no-objection-period",
  "written-input-call",
  "nomination-call",
  "stakeholder-registration",
] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];
export const DEADLINE_KIND_LABELS: Record<DeadlineKind, string> = {
  "accreditation-window": "Accreditation window",
  "no-objection-period": "No-objection period (accreditation)",
  "written-input-call": "Call for written inputs",
  "nomination-call": "Call for nominations",
  "stakeholder-registration": "Stakeholder registration",
};
export const ECOSOC_STATUSES = ["ecosoc", "non-ecosoc", "unknown"] as const;
export type EcosocStatus = (typeof ECOSOC_STATUSES)[number];
export const ACCREDITATION_OUTCOMES = ["accredited", "objected", "withdrawn", "pending"] as const;
export type AccreditationOutcome = (typeof ACCREDITATION_OUTCOMES)[number];
export const STAKEHOLDER_ACTION_KINDS = [
  "joint-letter",
  "joint-statement",
  "joint-submission",
  "consultation-response",
  "written-input",
  "stakeholder-meeting",
] as const;
export type StakeholderActionKind = (typeof STAKEHOLDER_ACTION_KINDS)[number];
export const STAKEHOLDER_ACTION_KIND_LABELS: Record<StakeholderActionKind, string> = {
  "joint-letter": "Joint letter",
  "joint-statement": "Joint statement",
  "joint-submission": "Joint submission",
  "consultation-response": "Consultation response",
  "written-input": "Written input",
  "stakeholder-meeting": "Stakeholder meeting",
};
export const PARTICIPATION_RECORD_KINDS = ["deadline", "accreditation", "stakeholder-action"] as const;
export type ParticipationRecordKind = (typeof PARTICIPATION_RECORD_KINDS)[number];
/** Records an editor's update can point to. */
export const UPDATE_LINK_KINDS = ["process", "session", "state", "norm", "resolution", "document", "deadline"] as const;
export type UpdateLinkKind = (typeof UPDATE_LINK_KINDS)[number];
export const CALENDAR_EVENT_KINDS = ["session", "deadline"] as const;
export type CalendarEventKind = (typeof CALENDAR_EVENT_KINDS)[number];

/** Implementation tracker (issue 6): evidence linking a State or organisation to a norm or CBM, national instruments, rubric assessments, capacity building. */
export const EVIDENCE_KINDS = [
  "strategy",
  "law",
  "agency",
  "policy",
  "statement",
  "survey-answer",
  "report",
  "practice",
] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];
export const EVIDENCE_KIND_LABELS: Record<EvidenceKind, string> = {
  strategy: "Strategy",
  law: "Law",
  agency: "Agency or CERT",
  policy: "Policy",
  statement: "Statement",
  "survey-answer": "Survey answer",
  report: "Report",
  practice: "Practice",
};
export const EVIDENCE_STATUSES = ["planned", "in-progress", "implemented", "regressed"] as const;
export type EvidenceStatus = (typeof EVIDENCE_STATUSES)[number];
export const EVIDENCE_STATUS_LABELS: Record<EvidenceStatus, string> = {
  planned: "Planned",
  "in-progress": "In progress",
  implemented: "Implemented",
  regressed: "Regressed",
};
/** Who reports a piece of evidence: self-reports and "shadow" reports are shown side by side. */
export const REPORTER_KINDS = ["self", "civil-society", "researcher", "intergovernmental"] as const;
export type ReporterKind = (typeof REPORTER_KINDS)[number];
export const REPORTER_KIND_LABELS: Record<ReporterKind, string> = {
  self: "The State itself",
  "civil-society": "Civil society",
  researcher: "Researchers",
  intergovernmental: "Intergovernmental body",
};
/** Whom an evidence record or instrument is about. */
export const SUBJECT_KINDS = ["state", "organization"] as const;
export type SubjectKind = (typeof SUBJECT_KINDS)[number];
/** Candidate evidence detected in ingested documents, waiting for an editor. */
export const CANDIDATE_STATUSES = ["open", "accepted", "dismissed"] as const;
export type CandidateStatus = (typeof CANDIDATE_STATUSES)[number];
export const INSTRUMENT_KINDS = ["strategy", "law", "agency", "policy"] as const;
export type InstrumentKind = (typeof INSTRUMENT_KINDS)[number];
export const INSTRUMENT_STATUSES = ["in-progress", "adopted", "superseded"] as const;
export type InstrumentStatus = (typeof INSTRUMENT_STATUSES)[number];
export const ASSESSMENT_RATINGS = ["met", "partly", "not-met", "unknown"] as const;
export type AssessmentRating = (typeof ASSESSMENT_RATINGS)[number];

/** Newsletter (issue 8): digest issues, subscribers, the delivery queue and alerts. */
export const DIGEST_STATUSES = ["draft", "published"] as const;
export type DigestStatus = (typeof DIGEST_STATUSES)[number];
export const SUBSCRIBER_STATUSES = ["pending", "active", "unsubscribed", "bounced"] as const;
export type SubscriberStatus = (typeof SUBSCRIBER_STATUSES)[number];
/** What a queued message is: a digest issue, an alert, or a double opt-in confirmation. */
export const DELIVERY_KINDS = ["digest", "alert", "confirmation"] as const;
export type DeliveryKind = (typeof DELIVERY_KINDS)[number];
export const DELIVERY_STATUSES = ["queued", "sending", "sent", "failed", "bounced"] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];
export const ALERT_TARGET_KINDS = ["state", "process", "norm", "document", "search"] as const;
export type AlertTargetKind = (typeof ALERT_TARGET_KINDS)[number];
export const ALERT_CHANNELS = ["email", "webhook"] as const;
export type AlertChannel = (typeof ALERT_CHANNELS)[number];
export const ALERT_FREQUENCIES = ["instant", "daily", "weekly"] as const;
export type AlertFrequency = (typeof ALERT_FREQUENCIES)[number];
