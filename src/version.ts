// The running Normwatch version: `version` in package.json, read once. Shown by /healthz, /readyz, /metrics and --version.
import fs from "node:fs";

export const APP_VERSION: string = (
  JSON.parse(fs.readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string }
).version;
