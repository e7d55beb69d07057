// Lint settings: ESLint's and typescript-eslint's recommended rules, plus the layer rule of docs/ARCHITECTURE.md
// (dependencies point inward: domain ← db ← ingest/analysis/newsletter ← http ← api/web ← server.ts ← cli).
// A module imports from its own folder and the layers to its left only; folders of one layer do not import each
// other. There are no exceptions.
import { builtinRules } from "eslint/use-at-your-own-risk";
import tseslint from "typescript-eslint";

// ESLint's own "recommended" set is every core rule whose docs say recommended (what @eslint/js ships),
// read from ESLint itself so no extra package is needed.
const eslintRecommended = Object.fromEntries(
  [...builtinRules].filter(([, rule]) => rule.meta?.docs?.recommended).map(([name]) => [name, "error"]),
);

/** A relative import of one of our top-level folders under src/ (or of src/server.ts), from a file in a folder or from src/server.ts. */
const target = (name, fromSrc = false) =>
  `^${fromSrc ? "\\./" : "(\\.\\./)+"}${name === "server" ? "server(\\.js)?$" : `${name}(/|$)`}`;

/** The layers, innermost first. `server` is src/server.ts; config.ts and logger.ts sit below every layer. */
const LAYERS = [
  ["domain"],
  ["db"],
  ["ingest", "analysis", "newsletter"],
  ["http"],
  ["api", "web"],
  ["server"],
  ["cli"],
];

/** no-restricted-imports for one folder: nothing from its siblings in the layer or from any layer to its right. */
function layerRule(name, index) {
  const forbidden = LAYERS.slice(index)
    .flat()
    .filter((other) => other !== name);
  const files = name === "server" ? ["src/server.ts"] : [`src/${name}/**`];
  const allowed = LAYERS.slice(0, index).flat();
  const label = name === "server" ? "server.ts" : `${name}/`;
  const message = allowed.length
    ? `${label} imports ${allowed.join(", ")} (and config, logger), not ${forbidden.join(", ")}.`
    : `${label} is pure: it imports none of ${forbidden.join(", ")}.`;
  const patterns = forbidden.map((other) => ({ regex: target(other, name === "server"), message }));
  // db/ reads the configuration's types only: the values are passed in.
  if (name === "db")
    patterns.push({
      regex: target("config(\\.js)?"),
      allowTypeImports: true,
      message: "db/ may import config types only (`import type`).",
    });
  return { files, ignores: ["**/*.test.{ts,tsx}"], rules: { "no-restricted-imports": ["error", { patterns }] } };
}

export default tseslint.config(
  {
    ignores: [
      "node_modules/",
      "dist/",
      "drizzle/",
      "datasets/",
      "data/",
      "coverage/",
      "test-results/",
      "public/build/",
    ],
  },
  { files: ["**/*.{js,mjs,ts,tsx}"], rules: eslintRecommended },
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{js,mjs}"],
    languageOptions: { globals: { process: "readonly", console: "readonly", URL: "readonly" } },
  },
  {
    rules: {
      // Parsers strip control characters from untrusted text on purpose, which is exactly what this rule flags.
      "no-control-regex": "off",
      // Unused names are errors, except deliberately ignored ones (`_x`) and the rest of a destructuring.
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", ignoreRestSiblings: true },
      ],
    },
  },
  ...LAYERS.flatMap((names, index) => names.map((name) => layerRule(name, index))),
);
