// Fetches a document by URL: http(s) only, bounded redirects and size, and (unless allowed) only public addresses,
// checked on the address each connection actually goes to, every redirect hop included.
import { lookup as dnsLookup } from "node:dns/promises";
import type { LookupAddress, LookupOptions } from "node:dns";
import net from "node:net";
import { Agent, buildConnector, fetch as undiciFetch } from "undici";
import { AddressRefusedError, assertPublicAddress, isPublicAddress } from "../../domain/network-addresses.js";

export interface FetchLimits {
  maxBytes: number;
  maxRedirects: number;
  allowPrivateAddresses: boolean;
  timeoutMs?: number;
  /** Name resolution, for tests; the system resolver (getaddrinfo) by default. */
  resolve?: Resolver;
  /** Non-public addresses allowed anyway when private ones are not (tests use a second loopback address). */
  alsoAllow?: (address: string) => boolean;
}

/** Who may be connected to: everything, or public unicast addresses (and those `alsoAllow` accepts). */
export type AddressPolicy = Pick<FetchLimits, "allowPrivateAddresses" | "resolve" | "alsoAllow">;

/** Resolves a host name to every address it has. */
export type Resolver = (hostname: string) => Promise<LookupAddress[]>;

export class FetchRefusedError extends Error {
  override readonly name = "FetchRefusedError";
}

const systemResolver: Resolver = (hostname) => dnsLookup(hostname, { all: true, verbatim: true });

export async function fetchDocument(
  url: string,
  limits: FetchLimits,
): Promise<{ bytes: Uint8Array; contentType: string | null; finalUrl: string }> {
  const agent = createAddressCheckingAgent(limits);
  try {
    let current = url;
    for (let hop = 0; hop <= limits.maxRedirects; hop++) {
      const target = new URL(current);
      if (target.protocol !== "http:" && target.protocol !== "https:")
        throw new FetchRefusedError(`only http and https URLs are fetched, not ${target.protocol}`);
      const response = await fetchThrough(agent, target, {
        redirect: "manual",
        signal: AbortSignal.timeout(limits.timeoutMs ?? 30_000),
      });
      if (response.status >= 300 && response.status < 400) {
        await response.body?.cancel();
        const location = response.headers.get("location");
        if (!location) throw new FetchRefusedError(`redirect ${response.status} without a Location header`);
        current = new URL(location, target).toString();
        continue;
      }
      if (!response.ok) throw new FetchRefusedError(`HTTP ${response.status} from ${target.host}`);
      const declared = Number(response.headers.get("content-length") ?? "0");
      if (declared > limits.maxBytes)
        throw new FetchRefusedError(`too large: ${declared} bytes, over the limit of ${limits.maxBytes}`);
      return {
        bytes: await readLimited(response, limits.maxBytes),
        contentType: response.headers.get("content-type"),
        finalUrl: target.toString(),
      };
    }
    throw new FetchRefusedError(`more than ${limits.maxRedirects} redirects`);
  } finally {
    await agent.destroy();
  }
}

/**
 * A fetch that connects only to public addresses (unless `allowPrivateAddresses`): for alert webhooks, injected by
 * the server wiring (newsletter/ cannot import ingest/). A refusal rejects with AddressRefusedError.
 */
export function createPublicOnlyFetch(policy: AddressPolicy): typeof fetch {
  const agent = createAddressCheckingAgent(policy);
  const guarded = (input: string | URL | Request, init?: RequestInit) =>
    fetchThrough(agent, input instanceof Request ? input.url : input, init ?? {});
  return guarded as typeof fetch;
}

async function fetchThrough(agent: Agent, target: string | URL, init: RequestInit): Promise<Response> {
  try {
    return (await undiciFetch(target, {
      ...(init as Parameters<typeof undiciFetch>[1]),
      dispatcher: agent,
    })) as unknown as Response;
  } catch (error) {
    // undici reports a connector error as TypeError("fetch failed") with the reason as its cause.
    const cause = (error as { cause?: unknown }).cause;
    throw cause instanceof AddressRefusedError ? cause : error;
  }
}

/**
 * An undici Agent whose connections may only reach public addresses. A host name is resolved once, in the socket's
 * `lookup` hook, and refused if any of its addresses is not public, so the address connected to is the one checked
 * (no second resolution for DNS rebinding to exploit). A literal address is checked before connecting, and the
 * socket's remote address once more after, before a byte is written.
 */
export function createAddressCheckingAgent(policy: AddressPolicy): Agent {
  if (policy.allowPrivateAddresses)
    return new Agent(policy.resolve ? { connect: { lookup: lookupWith(policy.resolve, null) } } : {});
  const isAllowed = (address: string) => isPublicAddress(address) || (policy.alsoAllow?.(address) ?? false);
  const check = (address: string, what: string) => {
    if (!isAllowed(address)) assertPublicAddress(address, what);
  };
  const connect = buildConnector({ lookup: lookupWith(policy.resolve ?? systemResolver, check) });
  return new Agent({
    connect(options, callback) {
      try {
        if (net.isIP(options.hostname)) check(options.hostname, options.hostname);
      } catch (error) {
        return callback(error as Error, null);
      }
      connect(options, (error, socket) => {
        if (error || !socket) return callback(error ?? new Error("no socket"), null);
        const remote = socket.remoteAddress;
        if (!remote || !isAllowed(remote)) {
          socket.destroy();
          return callback(
            new AddressRefusedError(
              `refused: connected to ${remote ?? "an unknown address"}, a private or loopback address; set DOCUMENT_FETCH_ALLOW_PRIVATE=true to allow`,
            ),
            null,
          );
        }
        callback(null, socket);
      });
    },
  });
}

type LookupCallback = (error: Error | null, address: string | LookupAddress[], family?: number) => void;

/** A net.connect `lookup` hook over a resolver, refusing a name when `check` throws for any of its addresses. */
function lookupWith(resolve: Resolver, check: ((address: string, what: string) => void) | null) {
  return (hostname: string, options: LookupOptions, callback: LookupCallback): void => {
    resolve(hostname).then(
      (all) => {
        try {
          if (check) for (const a of all) check(a.address, `${hostname} (resolves to ${a.address})`);
        } catch (error) {
          return callback(error as Error, "");
        }
        const family = options.family === "IPv4" ? 4 : options.family === "IPv6" ? 6 : options.family;
        const usable = family ? all.filter((a) => a.family === family) : all;
        if (usable.length === 0)
          return callback(Object.assign(new Error(`${hostname} has no address`), { code: "ENOTFOUND" }), "");
        if (options.all) callback(null, usable);
        else callback(null, usable[0]!.address, usable[0]!.family);
      },
      (error: Error) => callback(error, ""),
    );
  };
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
export async function assertPublicHost(hostname: string, resolve: Resolver = systemResolver): Promise<void> {
  const host = hostname.replace(/^\[|\]$/g, "");
  const addresses = net.isIP(host) ? [host] : (await resolve(host)).map((a) => a.address);
  try {
    for (const address of addresses) assertPublicAddress(address, hostname);
  } catch (error) {
    throw new FetchRefusedError((error as Error).message);
  }
}

export function isPrivateAddress(address: string): boolean {
  return !isPublicAddress(address);
}
