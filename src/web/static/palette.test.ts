// The vote colours and focus outlines in site.css, checked for contrast as WCAG computes it (issue 17).
import fs from "node:fs";
import { describe, expect, it } from "vitest";

const css = fs.readFileSync(new URL("./site.css", import.meta.url), "utf8");

function colourOf(selector: string, property: "fill" | "outline"): string {
  const rule = new RegExp(
    `${selector.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}[^{]*\\{[^}]*${property}:[^;#]*(#[0-9a-f]{6})`,
    "i",
  ).exec(css);
  if (!rule) throw new Error(`no ${property} colour for ${selector}`);
  return rule[1]!;
}

const linear = (c: number) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
function rgb(hex: string): [number, number, number] {
  return [1, 3, 5].map((i) => linear(parseInt(hex.slice(i, i + 2), 16) / 255)) as [number, number, number];
}
const luminance = ([r, g, b]: [number, number, number]) => 0.2126 * r + 0.7152 * g + 0.0722 * b;
/** Deuteranopia, severity 1 (Machado, Oliveira and Fernandes 2009), on linear RGB. */
function deuteranopia([r, g, b]: [number, number, number]): [number, number, number] {
  return [
    0.367322 * r + 0.860646 * g - 0.227968 * b,
    0.280085 * r + 0.672501 * g + 0.047413 * b,
    -0.01182 * r + 0.04294 * g + 0.968881 * b,
  ];
}
const ratio = (a: number, b: number) => (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);

describe("vote colours and focus outlines", () => {
  const yes = rgb(colourOf(".vote-yes", "fill"));
  const no = rgb(colourOf(".vote-no", "fill"));
  const abstain = rgb(colourOf(".vote-abstain", "fill"));

  it("keeps yes, no and abstain apart in lightness, in greyscale and for red-green colour-blind readers", () => {
    expect(ratio(luminance(yes), luminance(no))).toBeGreaterThanOrEqual(2);
    expect(ratio(luminance(deuteranopia(yes)), luminance(deuteranopia(no)))).toBeGreaterThanOrEqual(2);
    expect(ratio(luminance(no), luminance(abstain))).toBeGreaterThanOrEqual(2);
    expect(ratio(luminance(yes), luminance(abstain))).toBeGreaterThanOrEqual(2);
    // Absent is a hatch, not one more flat colour.
    expect(css).toMatch(/\.vote-absent\s*\{[^}]*fill: url\(#vote-hatch\)/);
  });

  it("draws focus outlines at 3:1 or more against the page and the header", () => {
    for (const selector of ["a:focus-visible", ".site-menu summary:focus-visible", ".table-scroll:focus-visible"]) {
      const outline = luminance(rgb(colourOf(selector, "outline")));
      expect(ratio(outline, 1)).toBeGreaterThanOrEqual(3);
      expect(ratio(outline, luminance(rgb("#f3f5f8")))).toBeGreaterThanOrEqual(3);
    }
  });
});
