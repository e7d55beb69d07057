// The treaties of the treaty-status dataset, described from its README (../shared/data/treaty-status) and the
// resolutions we hold: what each is, where its status page is, and how far the rows we have cover it.
import type { TreatyRecord } from "./dataset-schemas.js";

/** Actor codes of the upstream tables that are organisations, mapped to datasets/reference/organizations.json. */
export const ORGANIZATION_ACTORS: Record<string, string> = { AU: "AFUNION", EU: "EU", "European Union": "EU" };

export const UN_CYBERCRIME_CONVENTION_ID = "un-cybercrime-2024";
export const BUDAPEST_CONVENTION_TREATY_ID = "coe-ets-185";

const UN_TREATY_PAGE = "https://treaties.un.org/doc/Publication/MTDSG/Volume%20II/Chapter%20XVIII/XVIII-16.en.xml";
const VERDRAGEN_UN = "https://verdragen.nl/nl/Verdrag/Details/013891_p.html";
const COE_CHART_2015 =
  "http://www.coe.int/en/web/conventions/full-list/-/conventions/treaty/185/signatures?p_auth=igXbHmd5";
const COE_NEWS_2024 =
  "https://coe.int/en/web/cybercrime/-/30th-t-cy-plenary-treaty-ceremony-sees-budapest-convention-reach-75-parties-benin-accede-to-the-first-protocol-and-czech-republic-and-sierra-leone-sign-the-second-additional-protocol";

export const TREATIES: (Omit<TreatyRecord, "sources"> & { sourceUrls: string[]; resolutionSources: string[] })[] = [
  {
    id: UN_CYBERCRIME_CONVENTION_ID,
    title:
      "United Nations Convention against Cybercrime; Strengthening International Cooperation for Combating Certain Crimes Committed by Means of Information and Communications Technology Systems and for the Sharing of Evidence in Electronic Form of Serious Crimes",
    shortTitle: "UN Convention against Cybercrime",
    resolutionSymbol: "A/RES/79/243",
    processId: "ahc-cybercrime-2022-2024",
    depositary: "Secretary-General of the United Nations (UN Treaty Collection, chapter XVIII-16)",
    statusUrl: UN_TREATY_PAGE,
    isStatusPartial: true,
    coverageNote:
      "The UN Treaty Collection page counts 72 signatories; 69 are identified here (31 from the UN page, 34 from the Netherlands treaty database, 4 from a news report), as of 25 October to 19 November 2025 depending on the page. The 3 not identified come alphabetically after Türkiye and are not guessed. No ratification appears in the pages read.",
    sourceUrls: [UN_TREATY_PAGE, VERDRAGEN_UN],
    resolutionSources: ["A/RES/79/243"],
  },
  {
    id: BUDAPEST_CONVENTION_TREATY_ID,
    title: "Council of Europe Convention on Cybercrime (ETS No. 185)",
    shortTitle: "Budapest Convention",
    resolutionSymbol: null,
    processId: null,
    depositary: "Council of Europe (Treaty Office)",
    statusUrl: "https://www.coe.int/en/web/conventions/full-list/-/conventions/treaty/185/signatures",
    isStatusPartial: true,
    coverageNote:
      'A 2015 snapshot (the Council of Europe chart "Status as of 03/12/2015", member States Albania to Germany only) and the accessions of Benin, Fiji and Kiribati (20 June 2024) and Côte d\'Ivoire (29 July 2024). In June 2024 the Council of Europe counted 75 Parties and 2 signatories: most are not listed here. For a State without a row the status is unknown, not "not a party".',
    sourceUrls: [COE_CHART_2015, COE_NEWS_2024],
    resolutionSources: [],
  },
];
