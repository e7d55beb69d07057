// Who is asking: the session cookie or an API bearer token becomes the principal on the context.
import type { Context, MiddlewareHandler } from "hono";
import { getCookie } from "hono/cookie";
import { HTTPException } from "hono/http-exception";
import { createHash } from "node:crypto";
import ipaddr from "ipaddr.js";
import { findApiTokenBySecret } from "../db/api-tokens.js";
import { findAuthSession } from "../db/auth-sessions.js";
import type { AppDeps } from "./deps.js";
import { API_TOKEN_PREFIX, hasPermission, type Permission, type Principal } from "../domain/auth.js";

declare module "hono" {
  interface ContextVariableMap {
    /** Null for the anonymous public; set once per request by loadPrincipal. */
    principal: Principal | null;
  }
}

export const SESSION_COOKIE = "nw_session";

/** Sets c.var.principal; safe to mount more than once (later runs keep the first result). */
export function loadPrincipal(deps: AppDeps): MiddlewareHandler {
  return async (c, next) => {
    if (c.get("principal") === undefined) c.set("principal", await resolvePrincipal(c, deps));
    await next();
  };
}

async function resolvePrincipal(c: Context, deps: AppDeps): Promise<Principal | null> {
  const now = deps.now();
  const authorization = c.req.header("authorization");
  if (authorization) {
    const secret = /^Bearer\s+(\S+)$/i.exec(authorization)?.[1];
    if (!secret?.startsWith(API_TOKEN_PREFIX))
      throw new HTTPException(401, { message: "malformed Authorization header: use Bearer <API token>" });
    const found = await findApiTokenBySecret(deps.db, secret, now);
    if (!found) throw new HTTPException(401, { message: "unknown or revoked API token" });
    return { kind: "token", user: found.user, tokenId: found.token.id, scopes: found.token.scopes };
  }
  const token = getCookie(c, SESSION_COOKIE);
  if (!token) return null;
  const session = await findAuthSession(deps.db, token, now);
  return session
    ? { kind: "session", user: session.user, sessionHash: session.tokenHash, csrfToken: session.csrfToken }
    : null;
}

export function currentPrincipal(c: Context): Principal | null {
  return c.get("principal") ?? null;
}

/** The principal if it has the permission; otherwise 401 (anonymous) or 403 (signed in, not allowed). */
export function requirePermission(c: Context, permission: Permission): Principal {
  const principal = currentPrincipal(c);
  if (!principal) throw new HTTPException(401, { message: "sign in first" });
  if (!hasPermission(principal, permission))
    throw new HTTPException(403, { message: `this account or token may not ${permission.replace("-", " ")}` });
  return principal;
}

/**
 * The client network (X-Forwarded-For only behind a trusted proxy, TRUST_PROXY), hashed so it is never stored in
 * clear: an IPv6 address counts by its /64 (one subscriber's whole allocation), every loopback address as one.
 */
export function clientKey(c: Context, deps: AppDeps): string {
  const { trustProxy } = deps.editorial;
  const forwarded = trustProxy ? c.req.header("x-forwarded-for")?.split(",")[0]?.trim() : undefined;
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
  const ip = forwarded || incoming?.socket?.remoteAddress || "unknown";
  return createHash("sha256").update(clientNetwork(ip)).digest("hex").slice(0, 32);
}

/** "loopback", "a.b.c.d", "x:x:x:x::/64", or the text itself when it is no address. */
export function clientNetwork(ip: string): string {
  if (!ipaddr.isValid(ip)) return ip;
  let address = ipaddr.parse(ip);
  if (address.kind() === "ipv6" && (address as ipaddr.IPv6).isIPv4MappedAddress())
    address = (address as ipaddr.IPv6).toIPv4Address();
  if (address.range() === "loopback") return "loopback";
  if (address.kind() === "ipv4") return address.toString();
  return `${(address as ipaddr.IPv6).parts
    .slice(0, 4)
    .map((p) => p.toString(16))
    .join(":")}::/64`;
}

/** Whether cookies get the Secure flag: always, never, or when this request (or PUBLIC_URL) is https. */
export function isSecureRequest(c: Context, deps: AppDeps): boolean {
  const settings = deps.editorial;
  if (settings.cookieSecure !== "auto") return settings.cookieSecure === "always";
  if (new URL(c.req.url).protocol === "https:") return true;
  if (settings.trustProxy && c.req.header("x-forwarded-proto") === "https") return true;
  return settings.publicUrl?.startsWith("https:") ?? false;
}
