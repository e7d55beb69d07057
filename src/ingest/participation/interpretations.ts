// How each row of stakeholders_events.csv becomes participation records: the structured facts (counts, names,
// objecting States, ids of the linked process and session) read from the row's text, with the phrases that
// must stay in that text for the reading to hold. Only facts stated in the rows; aggregates stay aggregates.
import type { AccreditationRecord, DeadlineRecord, StakeholderActionRecord } from "./dataset-schemas.js";

export interface RowRef {
  date: string;
  processId: string;
  eventType: string;
  startsWith: string;
  /** Phrases the row must contain for this reading to hold. */
  mustSay?: string[];
}

type Sourced<T> = Omit<T, "sources" | "confidence"> & { rows: RowRef[] };

const OEWG_2019_OBJECTIONS: RowRef = {
  date: "2019-08",
  processId: "oewg-2019-2021",
  eventType: "objection to NGOs",
  startsWith: "All 18 non-ECOSOC",
  mustSay: ["All 18 non-ECOSOC organisations", "refused", "GPD among them", "18 organisations refused"],
};
const OEWG_2022_MODALITIES: RowRef = {
  date: "2022-04-22",
  processId: "oewg-2021-2025",
  eventType: "modalities",
  startsWith: "Modalities in the Chair's letter",
  mustSay: ["ECOSOC-accredited NGOs may take part", "non-objection basis"],
};
const OEWG_2022_VETOES: RowRef = {
  date: "2022-06-30",
  processId: "oewg-2021-2025",
  eventType: "objection to NGOs",
  startsWith: "Accreditation silence procedure ended",
  mustSay: ["32 of 86 non-ECOSOC applicants were blocked and 54 accredited", "plus 17 with ECOSOC status"],
};
const OEWG_2022_UKRAINE: RowRef = {
  date: "2022-06-30",
  processId: "oewg-2021-2025",
  eventType: "objection to NGOs",
  startsWith: "Ukraine's Permanent Mission objected",
  mustSay: ["objected to five Russian entities"],
};
const AHC_ORGANIZATIONAL: RowRef = {
  date: "2022-02-24",
  processId: "ahc-cybercrime-2022-2024",
  eventType: "accreditation",
  startsWith: "At the session on organizational matters",
  mustSay: [
    "approved the participation of other relevant non-governmental stakeholders",
    "75/282 para 9",
    "Institut de diplomatie publique",
  ],
};

export const DEADLINES: Sourced<DeadlineRecord>[] = [
  {
    id: "oewg-2021-2025-non-ecosoc-accreditation-2022",
    processId: "oewg-2021-2025",
    sessionId: null,
    kind: "no-objection-period",
    title: "OEWG 2021–2025: silence procedure on accrediting non-ECOSOC stakeholders ends",
    opens: null,
    closes: "2022-06-30",
    closesTime: null,
    timeZone: null,
    isRolling: false,
    eligibility:
      "NGOs without ECOSOC status, as observers on a non-objection basis (ECOSOC-accredited NGOs take part without this procedure)",
    notes: "The date the silence procedure ended; when it opened was not retrieved.",
    rows: [
      { ...OEWG_2022_VETOES, mustSay: [...OEWG_2022_VETOES.mustSay!, "Accreditation silence procedure ended"] },
      OEWG_2022_MODALITIES,
    ],
  },
  {
    id: "global-mechanism-ict-2026-stakeholder-interest-form",
    processId: "global-mechanism-ict-2026",
    sessionId: null,
    kind: "stakeholder-registration",
    title: "Global Mechanism: UNODA stakeholder-interest form (rolling)",
    opens: "2026",
    closes: null,
    closesTime: null,
    timeZone: null,
    isRolling: true,
    eligibility: "Stakeholders, under the modalities set out in A/80/257",
    notes: "For Global Mechanism communications; open on a rolling basis, so there is no closing date.",
    rows: [
      {
        date: "2026",
        processId: "global-mechanism-ict-2026",
        eventType: "stakeholder participation",
        startsWith: "UNODA stakeholder-interest form",
        mustSay: ["open on a rolling basis", "A/80/257"],
      },
    ],
  },
];

const named = (
  organizationName: string,
  rest: Partial<Sourced<AccreditationRecord>> & Pick<Sourced<AccreditationRecord>, "id" | "processId" | "rows">,
): Sourced<AccreditationRecord> => ({
  sessionId: null,
  isAggregate: false,
  organizationName,
  ecosocStatus: "non-ecosoc",
  applied: null,
  decided: null,
  outcome: "objected",
  applicants: null,
  accreditedCount: null,
  objectedCount: null,
  objectingStates: [],
  notes: null,
  ...rest,
});

const slug = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");

/** Named in the dig.watch list of vetoed applicants (Ukraine's objection row names three of them again). */
const OEWG_2022_VETOED = [
  "ASPI",
  "Chatham House",
  "CyberPeace Institute",
  "FIRST",
  "GFCE",
  "Microsoft",
  "World Economic Forum",
];
const UKRAINE_OBJECTED: { name: string; alsoVetoedAs?: string }[] = [
  {
    name: "MGIMO Centre for International Information Security, Science and Technology Policy",
    alsoVetoedAs: "MGIMO's information-security centre",
  },
  {
    name: "Institute of State and Law of the Russian Academy of Sciences",
    alsoVetoedAs: "the Institute of State and Law (RAS)",
  },
  { name: "Kaspersky", alsoVetoedAs: "Kaspersky" },
  { name: "Russian Federal Center of Forensic Science" },
  { name: "Russian International Affairs Council" },
];

export const ACCREDITATIONS: Sourced<AccreditationRecord>[] = [
  {
    ...named("", {
      id: "oewg-2019-2021-first-substantive-non-ecosoc",
      processId: "oewg-2019-2021",
      rows: [OEWG_2019_OBJECTIONS],
    }),
    sessionId: "oewg-2019-2021-oewg-first-substantive-session",
    isAggregate: true,
    organizationName: null,
    outcome: null,
    decided: "2019-08",
    applicants: 18,
    accreditedCount: 0,
    objectedCount: 18,
    notes:
      "Every non-ECOSOC applicant for the first substantive session was refused after objections from some Member States; the full list is in Annex A of the OEWG document.",
  },
  named("Global Partners Digital", {
    id: "oewg-2019-2021-first-substantive-global-partners-digital",
    processId: "oewg-2019-2021",
    sessionId: "oewg-2019-2021-oewg-first-substantive-session",
    decided: "2019-08",
    notes: "Named by GPD itself among the 18 refused.",
    rows: [OEWG_2019_OBJECTIONS],
  }),
  {
    ...named("", { id: "oewg-2021-2025-non-ecosoc-2022", processId: "oewg-2021-2025", rows: [OEWG_2022_VETOES] }),
    isAggregate: true,
    organizationName: null,
    outcome: null,
    decided: "2022-06-30",
    applicants: 86,
    accreditedCount: 54,
    objectedCount: 32,
    notes: "Result of the silence procedure that ended on 30 June 2022.",
  },
  {
    ...named("", { id: "oewg-2021-2025-ecosoc-2022", processId: "oewg-2021-2025", rows: [OEWG_2022_VETOES] }),
    isAggregate: true,
    organizationName: null,
    ecosocStatus: "ecosoc",
    outcome: null,
    decided: "2022-06-30",
    accreditedCount: 17,
    notes:
      "Organisations with ECOSOC status accredited alongside the non-ECOSOC applicants; how many applied is not stated.",
  },
  ...OEWG_2022_VETOED.map((name) =>
    named(name, {
      id: `oewg-2021-2025-2022-${slug(name)}`,
      processId: "oewg-2021-2025",
      decided: "2022-06-30",
      rows: [{ ...OEWG_2022_VETOES, mustSay: [name] }],
    }),
  ),
  named("Centre for Multilateral Affairs", {
    id: "oewg-2021-2025-2022-centre-for-multilateral-affairs",
    processId: "oewg-2021-2025",
    decided: "2022-06-30",
    objectingStates: ["RUS"],
    rows: [{ ...OEWG_2022_VETOES, mustSay: ["Centre for Multilateral Affairs (vetoed by Russia)"] }],
  }),
  ...UKRAINE_OBJECTED.map(({ name, alsoVetoedAs }) =>
    named(name, {
      id: `oewg-2021-2025-2022-${slug(name).slice(0, 60)}`,
      processId: "oewg-2021-2025",
      decided: "2022-06-30",
      objectingStates: ["UKR"],
      notes: alsoVetoedAs
        ? "Ukraine's objection was made public; whether other States objected too is not stated."
        : "Objected to by Ukraine; not named in the dig.watch list of vetoed applicants.",
      rows: [
        { ...OEWG_2022_UKRAINE, mustSay: [name] },
        ...(alsoVetoedAs ? [{ ...OEWG_2022_VETOES, mustSay: [alsoVetoedAs] }] : []),
      ],
    }),
  ),
  named("Institut de diplomatie publique", {
    id: "ahc-cybercrime-2022-2024-institut-de-diplomatie-publique",
    processId: "ahc-cybercrime-2022-2024",
    sessionId: "ahc-cybercrime-2022-2024-ahc-session-on-organizational-matters",
    outcome: "accredited",
    decided: "2022-02-24",
    notes:
      "Approved at the session on organizational matters under para 9 of resolution 75/282, which uses a non-objection list.",
    rows: [AHC_ORGANIZATIONAL],
  }),
];

type ActionSpec = Omit<Sourced<StakeholderActionRecord>, "description" | "signatoryCount" | "documentUrl"> & {
  documentUrl?: string;
};

export const ACTIONS: ActionSpec[] = [
  {
    id: "gge-2019-2021-eu-cyber-direct-meeting-2019-06",
    processId: "gge-2019-2021",
    sessionId: null,
    kind: "stakeholder-meeting",
    title: "EU Cyber Direct meeting with GGE Chair Patriota in the margins of the EU–UNGGE consultation",
    actedOn: "2019-06",
    leadOrganizations: ["EU Cyber Direct"],
    signatoryOrganizations: [],
    signatoryStates: [],
    documentSymbol: null,
    notes: "Input paper: 'Pathways to Change: Resilience, Rights and Rules in Cyberspace'.",
    rows: [
      {
        date: "2019-06",
        processId: "gge-2019-2021",
        eventType: "civil-society meeting",
        startsWith: "EU Cyber Direct meeting",
        mustSay: ["Patriota", "Pathways to Change"],
      },
    ],
  },
  {
    id: "gge-2019-2021-oas-consultation-civil-society-sessions",
    processId: "gge-2019-2021",
    sessionId: null,
    kind: "stakeholder-meeting",
    title: "Civil-society sessions before the GGE–OAS regional consultation",
    actedOn: "2019-08-14",
    leadOrganizations: ["EUISS", "OAS", "EU Cyber Direct", "Derechos Digitales", "New America"],
    signatoryOrganizations: [],
    signatoryStates: [],
    documentSymbol: null,
    notes: null,
    rows: [
      {
        date: "2019-08-14",
        processId: "gge-2019-2021",
        eventType: "civil-society meeting",
        startsWith: "Civil-society information session",
        mustSay: ["EUISS", "Derechos Digitales", "New America"],
      },
    ],
  },
  {
    id: "oewg-joint-civil-society-feedback-norms-proposals",
    processId: null,
    sessionId: null,
    kind: "joint-submission",
    title: "Joint civil-society feedback on an OEWG revised non-paper on norms proposals",
    actedOn: null,
    leadOrganizations: [],
    signatoryOrganizations: [
      "Access Now",
      "AFEX",
      "APC",
      "Derechos Digitales",
      "FIRST",
      "Fundación Karisma",
      "Global Partners Digital",
      "Internet Society",
      "Jokkolabs Banjul",
      "Media Foundation for West Africa",
      "R3D",
    ],
    signatoryStates: [],
    documentSymbol: null,
    documentUrl: "https://scribd.com/document/614384028/Joint-Civil-Society-Groups-Feedback-on-Oewg-Norms-Proposals",
    notes:
      "Which OEWG (2019–2021 or 2021–2025) was not determined, so no process is linked; the date was not retrieved.",
    rows: [
      {
        date: "",
        processId: "oewg-unspecified",
        eventType: "joint civil-society submission",
        startsWith: "Joint civil-society feedback",
        mustSay: ["Access Now", "R3D", "11 organisations + 3 individuals"],
      },
    ],
  },
  {
    id: "oewg-2021-2025-joint-letter-44-states-2021-12",
    processId: "oewg-2021-2025",
    sessionId: null,
    kind: "joint-letter",
    title: "Letter of 44 States and stakeholders to the Chair on transparency and participation",
    actedOn: "2021-12",
    leadOrganizations: [],
    signatoryOrganizations: [],
    signatoryStates: [],
    documentSymbol: null,
    notes: "Sent before the first substantive session; the signatory States are not named in the source.",
    rows: [
      {
        date: "2021-12",
        processId: "oewg-2021-2025",
        eventType: "joint letter (States + stakeholders)",
        startsWith: "Letter to the Chair",
        mustSay: ["44 States"],
      },
    ],
  },
  {
    id: "ahc-cybercrime-2022-2024-hrw-eff-letter-2021-12-22",
    processId: "ahc-cybercrime-2022-2024",
    sessionId: null,
    kind: "joint-letter",
    title: "Letter to the AHC Chair on civil-society participation and human-rights safeguards",
    actedOn: "2021-12-22",
    leadOrganizations: ["Human Rights Watch", "Electronic Frontier Foundation"],
    signatoryOrganizations: [],
    signatoryStates: [],
    documentSymbol: null,
    documentUrl: "https://www.hrw.org/news/2022/01/13/letter-un-ad-hoc-committee-cybercrime",
    notes: "Published 13 January 2022. Sources count the signatories differently.",
    rows: [
      {
        date: "2021-12-22",
        processId: "ahc-cybercrime-2022-2024",
        eventType: "joint civil-society letter",
        startsWith: "Letter to AHC Chair",
        mustSay: ["Human Rights Watch", "Electronic Frontier Foundation", "published 13 Jan 2022"],
      },
    ],
  },
  {
    id: "oewg-2021-2025-joint-letter-exclusions-2022-07",
    processId: "oewg-2021-2025",
    sessionId: null,
    kind: "joint-letter",
    title: "Joint letter to Chair Gafoor asking him to seek a reversal of the accreditation vetoes",
    actedOn: "2022-07",
    leadOrganizations: [],
    signatoryOrganizations: [],
    signatoryStates: [],
    documentSymbol: null,
    notes: "Month inferred by the source compiler (the article is undated in the excerpt).",
    rows: [
      {
        date: "2022-07",
        processId: "oewg-2021-2025",
        eventType: "joint letter (stakeholders)",
        startsWith: "Joint letter to Chair Gafoor",
        mustSay: ["28 organisations and companies"],
      },
    ],
  },
];

export const LEFT_OUT: (Omit<RowRef, "mustSay"> & { reason: string })[] = [
  {
    date: "2019-03",
    processId: "oewg-2019-2021",
    eventType: "modalities",
    startsWith: "UNODA (secretariat",
    reason:
      "announcement of a planned meeting (the 2–4 Dec 2019 meeting is in sessions.csv); no deadline, application or action",
  },
  {
    date: "2019-12-02",
    processId: "oewg-2019-2021",
    eventType: "stakeholder participation",
    startsWith: "Informal intersessional",
    reason:
      "turnout at a session (in sessions.csv), not an accreditation outcome: counts are of interest and attendance, not of applications",
  },
  {
    date: "2021-11-15",
    processId: "oewg-2021-2025",
    eventType: "modalities",
    startsWith: "Chair Gafoor's letter",
    reason:
      "modalities proposed in a letter that several States disagreed with; the modalities agreed on 22 April 2022 give the eligibility of the 2022 no-objection period",
  },
  {
    date: "2024-01-31",
    processId: "oewg-2021-2025",
    eventType: "briefing",
    startsWith: "Chair's informal virtual briefing",
    reason: "a meeting for Member States, already a session in sessions.csv",
  },
  {
    date: "2025-10-25",
    processId: "ahc-cybercrime-2022-2024",
    eventType: "signature",
    startsWith: "Convention opened for signature",
    reason: "States signing the convention (the signing ceremony is a session); not stakeholder participation",
  },
];
