// Norm and CBM frameworks and their items: stable, citable ids such as `13c` or `osce-2016-05`.
import type { Source } from "./source.js";
import type { Confidence, FrameworkKind } from "./vocabulary.js";

export interface Framework {
  id: string;
  name: string;
  kind: FrameworkKind;
  body: string;
  instrument: string | null;
}

export interface FrameworkItem {
  id: string;
  frameworkId: string;
  code: string;
  position: number;
  shortTitle: string;
  reference: string | null;
  instrument: string | null;
  notes: string | null;
  confidence: Confidence;
}

export interface FrameworkWithItems extends Framework {
  items: FrameworkItem[];
}

export interface FrameworkDetail {
  framework: FrameworkWithItems;
  sources: Source[];
}

export interface FrameworkItemDetail {
  item: FrameworkItem;
  framework: Framework;
  sources: Source[];
}

/**
 * Display order of frameworks: the 11 UN norms first, then OSCE, OAS and ARF CBMs, then the UN global
 * CBMs; any framework added later follows, by name.
 */
export const FRAMEWORK_ORDER = ["un-norms-2015", "osce-cbms", "oas-cbms", "arf-ict", "un-global-cbms"];

export function compareFrameworks(a: Framework, b: Framework): number {
  const rank = (f: Framework) => {
    const i = FRAMEWORK_ORDER.indexOf(f.id);
    return i === -1 ? FRAMEWORK_ORDER.length : i;
  };
  return rank(a) - rank(b) || a.name.localeCompare(b.name);
}
