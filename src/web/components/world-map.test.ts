import { describe, expect, it } from "vitest";
import { loadShapes, roundPath, ShapeMap, type MapEntry } from "./world-map.js";

/** The absolute points a path of M, l and z commands visits. */
function pointsOf(d: string): [number, number][] {
  const points: [number, number][] = [];
  let x = 0;
  let y = 0;
  for (const [, command, args] of d.matchAll(/([MLZmlz])([^MLZmlz]*)/g)) {
    const n = (args ?? "")
      .split(/[\s,]+/)
      .filter(Boolean)
      .map(Number);
    for (let i = 0; i + 1 < n.length; i += 2) {
      const isAbsolute = command === "M" || command === "L";
      x = isAbsolute && !(command === "M" && i > 0) ? n[i]! : x + n[i]!;
      y = isAbsolute && !(command === "M" && i > 0) ? n[i + 1]! : y + n[i + 1]!;
      points.push([Math.round(x * 10) / 10, Math.round(y * 10) / 10]);
    }
  }
  return points;
}

describe("roundPath", () => {
  it("visits the same points to a tenth, with relative moves that do not drift", () => {
    const d = "M512.34,210.96L513.01,209.55L600.5,300.44ZM10,20L10.04,20.06L9.96,19.94Z";
    expect(roundPath(d)).toBe("M512.3 211l0.7 -1.4l87.5 90.8zM10 20l0 0.1l0 -0.2z");
    expect(pointsOf(roundPath(d))).toEqual([
      [512.3, 211],
      [513, 209.6],
      [600.5, 300.4],
      [10, 20],
      [10, 20.1],
      [10, 19.9],
    ]);
  });

  it("draws every country with a shorter path than absolute coordinates", () => {
    const { paths } = loadShapes();
    const total = [...paths.values()].reduce((n, d) => n + d.length, 0);
    expect(paths.size).toBeGreaterThan(170);
    expect(total).toBeLessThan(100_000);
  });
});

describe("ShapeMap", () => {
  const entry = (over: Partial<MapEntry>): MapEntry => ({
    iso3: "KEN",
    isoNumeric: "404",
    latitude: 0.1,
    longitude: 37.9,
    className: "cat-a",
    title: "Kenya: A",
    hasDot: true,
    ...over,
  });
  const render = (entries: MapEntry[]) =>
    String(
      ShapeMap({
        id: "test-map",
        figureClass: "category-map",
        entries,
        noneClass: "cat-none",
        caption: "A test map.",
        legendClass: "map-legend",
        legend: [
          { className: "cat-a", label: "A" },
          { className: "cat-none", label: "None" },
        ],
      }),
    );

  it("fills a State's shape with its class and title, and every other shape with the none class", () => {
    const html = render([entry({})]);
    expect(html).toMatch(/<path d="[^"]+" class="cat-a" data-iso3="KEN"><title>Kenya: A<\/title><\/path>/);
    expect(html.match(/class="cat-none"/g)!.length).toBe(loadShapes().paths.size - 1);
    expect(html).toContain('<figcaption id="test-map-caption">A test map.<ul class="map-legend">');
    expect(html).toContain('<li><span class="swatch cat-none" aria-hidden="true"></span>None</li>');
  });

  it("draws a State too small for a shape as a dot only when it has one, and skips one without coordinates", () => {
    const monaco = entry({ iso3: "MCO", isoNumeric: "492", latitude: 43.7, longitude: 7.4, title: "Monaco: A" });
    const tuvalu = entry({ iso3: "TUV", isoNumeric: null, latitude: -8.5, longitude: 179.2, hasDot: false });
    const nowhere = entry({ iso3: "XXX", isoNumeric: null, latitude: null, longitude: null });
    const html = render([monaco, tuvalu, nowhere]);
    expect(html).toMatch(
      /<circle cx="[\d.]+" cy="[\d.]+" r="3.5" class="cat-a" data-iso3="MCO"><title>Monaco: A<\/title>/,
    );
    expect(html).not.toContain('data-iso3="TUV"');
    expect(html).not.toContain('data-iso3="XXX"');
  });
});
