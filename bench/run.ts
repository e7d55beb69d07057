// `npm run bench [-- --only startup,http,votes,documents,corpus,dump]`: runs the benchmarks and prints their numbers.
// Speed targets live here, never in tests. Benches written by others are loaded only if their file exists.
import fs from "node:fs";
import { runHttpBench } from "./http.js";
import { runStartupBench } from "./startup.js";

interface Bench {
  name: string;
  run(): Promise<void>;
}

/** A bench in another file, loaded when that file exists (others may not have written it yet). */
function optional(name: string, file: string, exportName: string): Bench {
  return {
    name,
    async run() {
      const url = new URL(file, import.meta.url);
      if (!fs.existsSync(url)) {
        console.log(`${name}: skipped (bench/${file.slice(2)} does not exist yet)`);
        return;
      }
      const module = (await import(url.href)) as Record<string, unknown>;
      const run = module[exportName];
      if (typeof run !== "function") {
        console.log(`${name}: skipped (bench/${file.slice(2)} has no ${exportName} export)`);
        return;
      }
      await (run as () => Promise<void>)();
    },
  };
}

const BENCHES: Bench[] = [
  { name: "startup", run: runStartupBench },
  { name: "http", run: runHttpBench },
  optional("votes", "./votes.ts", "runVotesBench"),
  optional("documents", "./documents.ts", "runDocumentsBench"),
  optional("corpus", "./corpus.ts", "runCorpusBench"),
  optional("dump", "./dump.ts", "runDumpBench"),
];

function parseOnly(argv: string[]): string[] | undefined {
  const names: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--only") names.push(...(argv[++i] ?? "").split(","));
    else if (arg.startsWith("--only=")) names.push(...arg.slice("--only=".length).split(","));
    else
      throw new Error(
        `unknown argument ${arg}; usage: npm run bench [-- --only ${BENCHES.map((b) => b.name).join(",")}]`,
      );
  }
  const wanted = names.map((n) => n.trim()).filter(Boolean);
  const unknown = wanted.filter((n) => !BENCHES.some((b) => b.name === n));
  if (unknown.length)
    throw new Error(`unknown bench ${unknown.join(", ")}; choose from ${BENCHES.map((b) => b.name).join(", ")}`);
  return wanted.length ? wanted : undefined;
}

async function main(): Promise<void> {
  const only = parseOnly(process.argv.slice(2));
  for (const bench of BENCHES) {
    if (only && !only.includes(bench.name)) continue;
    console.log(`\n== ${bench.name} ==`);
    const started = performance.now();
    await bench.run();
    console.log(`(${bench.name}: ${((performance.now() - started) / 1000).toFixed(1)} s)`);
  }
}

main().catch((error: unknown) => {
  console.error(`bench: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
