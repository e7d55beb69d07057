// Collects the sources that bundled records cite, each once, with its licence and retrieval date.
import type { SourceRecord } from "./dataset-schemas.js";
import { splitList, type CsvRow } from "./shared-data.js";

const UN_LICENCE = "United Nations: free to use; acknowledge the United Nations as the source";

const DATASETS: Record<string, Omit<SourceRecord, "id" | "retrievedOn" | "kind">> = {
  "world-countries": {
    title:
      "world-countries 5.1.0 (mledoze/countries): ISO codes, names (also in Arabic, Chinese, French, Russian and Spanish, from its translations), UN membership and regional groups",
    url: "https://github.com/mledoze/countries",
    datasetPath: "datasets/reference/states.json",
    licence: "ODbL-1.0",
    attribution: "mledoze/countries",
  },
  "internacia-db": {
    title: "internacia-db (Dateno): international organisations and their members, commit 6f69d84",
    url: "https://github.com/datenoio/internacia-db",
    datasetPath: "datasets/reference/organizations.json",
    licence: "MIT",
    attribution: "Dateno, internacia-db",
  },
  "unxml-ga-resolutions": {
    title: "UN DGACM machine-readable General Assembly resolutions (UNxml/GAresolutions), commit 42a69b6",
    url: "https://github.com/UNxml/GAresolutions",
    datasetPath: null,
    licence: UN_LICENCE,
    attribution: "Source: United Nations, DGACM machine-readable GA resolutions",
  },
  "voeten-unvotes": {
    title: "United Nations General Assembly Voting Data (Voeten), via the unvotes R package, commit 7eb7034",
    url: "https://github.com/dgrtwo/unvotes",
    datasetPath: null,
    licence: "CC0-1.0 (data); MIT (package)",
    attribution: "Bailey, Strezhnev & Voeten (2017), Journal of Conflict Resolution 61(2)",
  },
  "kostyuk-strategies": {
    title: "National Cybersecurity Strategy Data: first national cybersecurity strategies 2000–2024 (Kostyuk)",
    url: "https://github.com/nadiyakostyuk/National-Cybersecurity-Strategy-Data",
    datasetPath: "datasets/reference/cyber-strategies.json",
    licence: "none stated; facts cited from Kostyuk, International Studies Quarterly 70(1), sqaf097",
    attribution: "Nadiya Kostyuk, “Cyber Chess”, International Studies Quarterly 70(1)",
  },
  "cyber-processes": {
    title:
      "Normwatch fact base of UN cyber processes, sessions, resolutions, norms and CBMs (every row cites its sources)",
    url: null,
    datasetPath: "datasets/reference",
    licence: "facts compiled from the cited public sources; see each source",
    attribution: null,
  },
};

export interface SourceRegistry {
  /** Id of a bundled upstream dataset (registered on first use). */
  dataset(key: keyof typeof DATASETS | string): string;
  /** Id of a UN document cited by symbol. */
  document(symbol: string, note?: string): string;
  webPage(url: string): string;
  /** All sources one fact-base row cites: its web pages, the official texts and datasets it names, and the fact base. */
  factBaseSources(row: CsvRow): string[];
  list(): SourceRecord[];
}

export function createSourceRegistry(retrievedOn: string): SourceRegistry {
  const byId = new Map<string, SourceRecord>();
  const add = (record: SourceRecord) => {
    if (!byId.has(record.id)) byId.set(record.id, record);
    return record.id;
  };
  const registry: SourceRegistry = {
    dataset(key) {
      const spec = DATASETS[key];
      if (!spec) throw new Error(`unknown dataset source: ${key}`);
      return add({ id: `dataset:${key}`, kind: "dataset", retrievedOn, ...spec });
    },
    document(symbol, note) {
      return add({
        id: `document:${symbol}`,
        kind: "document",
        title: note ? `${symbol}: ${note}` : symbol,
        url: `https://undocs.org/en/${symbol}`,
        datasetPath: null,
        licence: UN_LICENCE,
        attribution: "United Nations",
        retrievedOn,
      });
    },
    webPage(url) {
      return add({
        id: url,
        kind: "web-page",
        title: describeUrl(url),
        url,
        datasetPath: null,
        licence: "cited for facts; the page's own terms apply",
        attribution: null,
        // The fact base was compiled from stored copies whose fetch date is not recorded.
        retrievedOn: null,
      });
    },
    factBaseSources(row) {
      const ids = splitList(row["source_url"]).map((url) => registry.webPage(url));
      const files = row["source"] ?? "";
      for (const m of files.matchAll(/A_RES_(\d+)_(\d+)/g)) ids.push(registry.document(`A/RES/${m[1]}/${m[2]}`));
      if (files.includes("unga-resolutions-unxml")) ids.push(registry.dataset("unxml-ga-resolutions"));
      if (files.includes("unga-votes-voeten")) ids.push(registry.dataset("voeten-unvotes"));
      ids.push(registry.dataset("cyber-processes"));
      return [...new Set(ids)];
    },
    list() {
      return [...byId.values()].sort((a, b) => a.id.localeCompare(b.id));
    },
  };
  return registry;
}

function describeUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname.replace(/^www\./, "")}${u.pathname === "/" ? "" : u.pathname}`;
  } catch {
    return url;
  }
}
