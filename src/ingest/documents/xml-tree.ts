// A safe XML reader over fast-xml-parser: no DTDs, no entity expansion beyond the five predefined ones and character references.
import { XMLParser, XMLValidator } from "fast-xml-parser";

export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlNode[];
}
export type XmlNode = XmlElement | string;

export class UnsafeXmlError extends Error {
  override readonly name = "UnsafeXmlError";
}

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: "",
  processEntities: false,
  htmlEntities: false,
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  commentPropName: false,
});

/** Parses XML into a tree, refusing any document type declaration (the way entity-expansion attacks arrive). */
export function parseXml(xml: string): XmlElement {
  if (/<!DOCTYPE|<!ENTITY/i.test(xml))
    throw new UnsafeXmlError("XML with a document type declaration (DOCTYPE/ENTITY) is refused");
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new UnsafeXmlError(`not well-formed XML: ${valid.err.msg} (line ${valid.err.line})`);
  const nodes = convert(parser.parse(xml) as RawNode[]);
  const root = nodes.find((n): n is XmlElement => typeof n !== "string" && !n.name.startsWith("?"));
  if (!root) throw new UnsafeXmlError("XML without a root element");
  return root;
}

type RawNode = Record<string, unknown>;

function convert(raw: RawNode[]): XmlNode[] {
  const out: XmlNode[] = [];
  for (const node of raw) {
    if ("#text" in node) {
      out.push(decodeEntities(String(node["#text"])));
      continue;
    }
    const name = Object.keys(node).find((k) => k !== ":@");
    if (!name) continue;
    const attrs = (node[":@"] ?? {}) as Record<string, unknown>;
    const attributes: Record<string, string> = {};
    for (const [k, v] of Object.entries(attrs)) attributes[k] = decodeEntities(String(v));
    out.push({ name: localName(name), attributes, children: convert((node[name] ?? []) as RawNode[]) });
  }
  return out;
}

function localName(name: string): string {
  const i = name.indexOf(":");
  return i >= 0 && !name.startsWith("?") ? name.slice(i + 1) : name;
}

const PREDEFINED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function decodeEntities(text: string): string {
  if (!text.includes("&")) return text;
  return text.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]+);/gi, (whole, ref: string) => {
    if (ref.startsWith("#")) {
      const code = ref[1] === "x" || ref[1] === "X" ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : " ";
    }
    return PREDEFINED[ref] ?? whole;
  });
}

export function childElements(el: XmlElement, name?: string): XmlElement[] {
  return el.children.filter((c): c is XmlElement => typeof c !== "string" && (name === undefined || c.name === name));
}

export function findFirst(el: XmlElement, name: string): XmlElement | null {
  for (const child of el.children) {
    if (typeof child === "string") continue;
    if (child.name === name) return child;
    const deep = findFirst(child, name);
    if (deep) return deep;
  }
  return null;
}

/** The text of an element, skipping the elements named in `skip`. */
export function textOf(el: XmlNode, skip: ReadonlySet<string> = new Set()): string {
  if (typeof el === "string") return el;
  if (skip.has(el.name)) return "";
  const blockBreak = el.name === "p" || el.name === "eol" ? " " : "";
  return el.children.map((c) => textOf(c, skip)).join("") + blockBreak;
}
