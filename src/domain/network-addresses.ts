// Which IP addresses outgoing requests (ingest by URL, alert webhooks) may connect to: public unicast only, every
// spelling and every IPv6 form that embeds an IPv4 address (mapped, compatible, NAT64, 6to4) judged by what it reaches.
import ipaddr from "ipaddr.js";

export class AddressRefusedError extends Error {
  override readonly name = "AddressRefusedError";
}

export interface AddressVerdict {
  isPublic: boolean;
  /** The range that decided it, e.g. "loopback", "ipv4Mapped→private", "unicast". */
  range: string;
  /** The address in canonical form (an IPv4 spelled in decimal or hex becomes dotted). */
  canonical: string;
}

const GLOBAL_UNICAST_V6 = ipaddr.parseCIDR("2000::/3");
const NAT64_WELL_KNOWN = ipaddr.parseCIDR("64:ff9b::/96");

/**
 * Classifies an IP address given in any form ipaddr.js reads (dotted, decimal `2130706433`, hex `0x7f000001`,
 * octal `0177.0.0.1`, IPv6 with or without brackets). Anything that is not an address is not public.
 */
export function classifyAddress(input: string): AddressVerdict {
  const text = input.replace(/^\[|\]$/g, "").replace(/%.*$/, "");
  if (!ipaddr.isValid(text)) return { isPublic: false, range: "not an IP address", canonical: text };
  const address = ipaddr.parse(text);
  if (address.kind() === "ipv4") return classifyV4(address as ipaddr.IPv4);
  const v6 = address as ipaddr.IPv6;
  const embedded = embeddedV4(v6);
  if (embedded) {
    const inner = classifyV4(embedded.address);
    return { isPublic: inner.isPublic, range: `${embedded.form}→${inner.range}`, canonical: v6.toString() };
  }
  const range = v6.range();
  // ipaddr.js calls everything it has no name for "unicast", the IPv4-compatible ::a.b.c.d included; only 2000::/3 is global.
  const isPublic = range === "unicast" && v6.match(GLOBAL_UNICAST_V6);
  return {
    isPublic,
    range: range === "unicast" && !isPublic ? "outside global unicast 2000::/3" : range,
    canonical: v6.toString(),
  };
}

export function isPublicAddress(address: string): boolean {
  return classifyAddress(address).isPublic;
}

/** Throws AddressRefusedError unless the address is public; `what` names the host for the message. */
export function assertPublicAddress(address: string, what: string = address): void {
  const verdict = classifyAddress(address);
  if (!verdict.isPublic) {
    throw new AddressRefusedError(
      `refused: ${what} is a private or loopback address (${verdict.canonical}, ${verdict.range}); set DOCUMENT_FETCH_ALLOW_PRIVATE=true to allow`,
    );
  }
}

function classifyV4(address: ipaddr.IPv4): AddressVerdict {
  const range = address.range();
  return { isPublic: range === "unicast", range, canonical: address.toString() };
}

/** The IPv4 address an IPv6 address carries and reaches: mapped ::ffff:a.b.c.d, compatible ::a.b.c.d, NAT64, 6to4. */
function embeddedV4(address: ipaddr.IPv6): { form: string; address: ipaddr.IPv4 } | null {
  const parts = address.parts;
  const low32 = () => ipaddr.fromByteArray(address.toByteArray().slice(12)) as ipaddr.IPv4;
  if (address.isIPv4MappedAddress()) return { form: "ipv4Mapped", address: address.toIPv4Address() };
  if (parts.slice(0, 6).every((p) => p === 0) && (parts[6] !== 0 || parts[7]! > 1))
    return { form: "ipv4Compatible", address: low32() };
  if (address.match(NAT64_WELL_KNOWN)) return { form: "nat64", address: low32() };
  if (address.range() === "6to4")
    return { form: "6to4", address: ipaddr.fromByteArray(address.toByteArray().slice(2, 6)) as ipaddr.IPv4 };
  return null;
}
