// Compresses every text answer (pages, JSON, CSS, JavaScript, feeds, CSV) with Brotli or gzip, whichever the client
// prefers (Brotli on a tie), streaming so that large exports are not held in memory (issue 17). Hono's own compress
// middleware offers gzip and deflate only.
import { Readable } from "node:stream";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import zlib from "node:zlib";
import type { MiddlewareHandler } from "hono";
import { COMPRESSIBLE_CONTENT_TYPE_REGEX } from "hono/utils/compress";

export type ContentEncoding = "br" | "gzip";

/** Below this many bytes compressing costs more than it saves. */
const THRESHOLD_BYTES = 1024;
/** Brotli quality 5: about gzip's speed at a clearly smaller size; 11 takes a second on a large page. */
const BROTLI_QUALITY = 5;

/** The encoding to answer with for an Accept-Encoding header: the highest q, Brotli before gzip on a tie. */
export function chooseEncoding(acceptEncoding: string | undefined): ContentEncoding | null {
  if (!acceptEncoding) return null;
  const weights = new Map<string, number>();
  for (const part of acceptEncoding.split(",")) {
    const [name, ...params] = part.trim().toLowerCase().split(";");
    if (!name) continue;
    const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    weights.set(name, q === undefined ? 1 : Number(q));
  }
  const weightOf = (name: string) => weights.get(name) ?? weights.get("*") ?? 0;
  const br = weightOf("br");
  const gzip = weightOf("gzip");
  if (br > 0 && br >= gzip) return "br";
  if (gzip > 0) return "gzip";
  return null;
}

/** Whether an answer of this type and these headers may be compressed. */
export function isCompressible(headers: Headers): boolean {
  const type = headers.get("Content-Type");
  if (!type || !COMPRESSIBLE_CONTENT_TYPE_REGEX.test(type)) return false;
  if (headers.has("Content-Encoding")) return false;
  const length = headers.get("Content-Length");
  if (length !== null && Number(length) < THRESHOLD_BYTES) return false;
  return !/(?:^|,)\s*no-transform\s*(?:,|$)/i.test(headers.get("Cache-Control") ?? "");
}

function compressor(encoding: ContentEncoding): zlib.BrotliCompress | zlib.Gzip {
  return encoding === "br"
    ? zlib.createBrotliCompress({ params: { [zlib.constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY } })
    : zlib.createGzip({ level: 6 });
}

/** Compresses a whole body at once (for answers that are kept, such as cached pages). */
export function compressBytes(bytes: Uint8Array, encoding: ContentEncoding): Buffer {
  return encoding === "br"
    ? zlib.brotliCompressSync(bytes, {
        params: {
          [zlib.constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY,
          [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.byteLength,
        },
      })
    : zlib.gzipSync(bytes, { level: 6 });
}

/** Adds Accept-Encoding to a response's Vary header. */
export function varyOnEncoding(headers: Headers): void {
  const vary = headers.get("Vary");
  if (vary === "*" || (vary && /(?:^|,)\s*accept-encoding\s*(?:,|$)/i.test(vary))) return;
  headers.set("Vary", vary ? `${vary}, Accept-Encoding` : "Accept-Encoding");
}

export function compression(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const res = c.res;
    if (
      c.req.method === "HEAD" ||
      res.status === 204 ||
      res.status === 206 ||
      res.status === 304 ||
      !res.body ||
      !isCompressible(res.headers)
    )
      return;
    varyOnEncoding(res.headers);
    const encoding = chooseEncoding(c.req.header("Accept-Encoding"));
    if (!encoding) return;
    const compressed = Readable.fromWeb(res.body as NodeReadableStream<Uint8Array>).pipe(compressor(encoding));
    // Hono copies the old answer's headers onto the new one, so the length is removed after the swap.
    c.res = new Response(Readable.toWeb(compressed) as ReadableStream<Uint8Array>, res);
    c.res.headers.delete("Content-Length");
    c.res.headers.set("Content-Encoding", encoding);
    const etag = c.res.headers.get("ETag");
    if (etag && !etag.startsWith("W/")) c.res.headers.set("ETag", `W/${etag}`);
  };
}
