// Fetches a document by URL: http(s) only, private and loopback addresses refused unless allowed, bounded redirects and size.
import { lookup } from "node:dns/promises";
import net from "node:net";

export interface FetchLimits {
  maxBytes: number;
  maxRedirects: number;
  allowPrivateAddresses: boolean;
  timeoutMs?: number;
}

export class FetchRefusedError extends Error {
  override readonly name = "FetchRefusedError";
}

export async function fetchDocument(url: string, limits: FetchLimits): Promise<{ bytes: Uint8Array; contentType: string | null; finalUrl: string }> {
  let current = url;
  for (let hop = 0; hop <= limits.maxRedirects; hop++) {
    const target = new URL(current);
    if (target.protocol !== "http:" && target.protocol !== "https:") throw new FetchRefusedError(`only http and https URLs are fetched, not ${target.protocol}`);
    if (!limits.allowPrivateAddresses) await assertPublicHost(target.hostname);
    const response = await fetch(target, { redirect: "manual", signal: AbortSignal.timeout(limits.timeoutMs ?? 30_000) });
    if (response.status >= 300 && response.status < 400) {
      const location = response.headers.get("location");
      if (!location) throw new FetchRefusedError(`redirect ${response.status} without a Location header`);
      current = new URL(location, target).toString();
      continue;
    }
    if (!response.ok) throw new FetchRefusedError(`HTTP ${response.status} from ${target.host}`);
    const declared = Number(response.headers.get("content-length") ?? "0");
    if (declared > limits.maxBytes) throw new FetchRefusedError(`too large: ${declared} bytes, over the limit of ${limits.maxBytes}`);
    return { bytes: await readLimited(response, limits.maxBytes), contentType: response.headers.get("content-type"), finalUrl: target.toString() };
  }
  throw new FetchRefusedError(`more than ${limits.maxRedirects} redirects`);
}

async function readLimited(response: Response, maxBytes: number): Promise<Uint8Array> {
  const reader = response.body?.getReader();
  if (!reader) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > maxBytes) {
      await reader.cancel();
      throw new FetchRefusedError(`too large: over the limit of ${maxBytes} bytes`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/** Refuses hosts that are, or resolve to, loopback, private, link-local or otherwise non-public addresses. */
export async function assertPublicHost(hostname: string): Promise<void> {
  const host = hostname.replace(/^\[|\]$/g, "");
  const addresses = net.isIP(host) ? [host] : (await lookup(host, { all: true })).map((a) => a.address);
  for (const address of addresses) {
    if (isPrivateAddress(address)) throw new FetchRefusedError(`refused: ${hostname} is a private or loopback address (${address}); set DOCUMENT_FETCH_ALLOW_PRIVATE=true to allow`);
  }
}

export function isPrivateAddress(address: string): boolean {
  if (net.isIPv4(address)) {
    const [a, b] = address.split(".").map(Number) as [number, number];
    return a === 0 || a === 10 || a === 127 || (a === 100 && b >= 64 && b <= 127) || (a === 169 && b === 254) || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 198 && (b === 18 || b === 19)) || a >= 224;
  }
  const lower = address.toLowerCase();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(lower);
  if (mapped) return isPrivateAddress(mapped[1]!);
  return lower === "::" || lower === "::1" || lower.startsWith("fc") || lower.startsWith("fd") || lower.startsWith("fe8") || lower.startsWith("fe9") || lower.startsWith("fea") || lower.startsWith("feb") || lower.startsWith("ff");
}
