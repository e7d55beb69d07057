// Addresses of the site's static files with a hash of their content (/static/site.css?v=3f2a9c01e4), so browsers
// and proxies may keep them for a year: a changed file gets a new address (issue 17).
import { createHash } from "node:crypto";
import fs from "node:fs";
import type { MiddlewareHandler } from "hono";

const ROOTS = {
  /** Hand-written stylesheets (src/web/static), served at /static/. */
  static: new URL("./static/", import.meta.url),
  /** Client islands built by Vite (dist/assets), served at /assets/. */
  assets: new URL("../../dist/assets/", import.meta.url),
} as const;

const hashes = new Map<string, string | null>();

function contentHash(root: keyof typeof ROOTS, name: string): string | null {
  const key = `${root}/${name}`;
  let hash = hashes.get(key);
  if (hash === undefined) {
    try {
      hash = createHash("sha256")
        .update(fs.readFileSync(new URL(name, ROOTS[root])))
        .digest("hex")
        .slice(0, 12);
    } catch {
      // Not built (islands before `npm run build:islands`): the plain address, which is not cached for long.
      hash = null;
    }
    hashes.set(key, hash);
  }
  return hash;
}

/** The address of a static file, e.g. assetUrl("static", "site.css") → "/static/site.css?v=<hash>". */
export function assetUrl(root: keyof typeof ROOTS, name: string): string {
  const hash = contentHash(root, name);
  return `/${root}/${name}${hash ? `?v=${hash}` : ""}`;
}

/**
 * Year-long immutable caching for an address carrying the file's current hash; any other address (plain, or a hash
 * of an older version) is revalidated each time.
 */
export function assetCaching(root: keyof typeof ROOTS): MiddlewareHandler {
  return async (c, next) => {
    await next();
    if (c.res.status !== 200) return;
    const name = c.req.path.slice(root.length + 2);
    const version = c.req.query("v");
    const isCurrent = version !== undefined && version === contentHash(root, name);
    c.header("Cache-Control", isCurrent ? "public, max-age=31536000, immutable" : "public, no-cache");
  };
}
