// CSRF protection for every write: same-origin check, then a token the request must echo (the session's
// synchronizer token when signed in, a double-submit cookie for the anonymous forms). API tokens are exempt:
// they are sent explicitly, never by the browser on its own.
import type { Context, MiddlewareHandler } from "hono";
import { getCookie, setCookie } from "hono/cookie";
import { HTTPException } from "hono/http-exception";
import { timingSafeEqual } from "node:crypto";
import type { AppDeps } from "./deps.js";
import { generateToken } from "../domain/auth.js";
import { currentPrincipal, isSecureRequest } from "./auth.js";

export const CSRF_COOKIE = "nw_csrf";
export const CSRF_FIELD = "_csrf";
export const CSRF_HEADER = "x-csrf-token";
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function isWriteMethod(method: string): boolean {
  return !SAFE_METHODS.has(method.toUpperCase());
}

export function csrfProtection(deps: AppDeps): MiddlewareHandler {
  return async (c, next) => {
    if (isWriteMethod(c.req.method) && currentPrincipal(c)?.kind !== "token" && !isSignedOneClickUnsubscribe(c)) {
      assertSameOrigin(c, deps);
      const submitted = await submittedToken(c);
      const expected = expectedToken(c);
      if (!submitted || !expected || !isEqual(submitted, expected)) {
        throw new HTTPException(403, {
          message: "the form expired or did not come from this site: reload the page and try again",
        });
      }
    }
    await next();
  };
}

/**
 * RFC 8058 one-click unsubscribe: mail providers POST the List-Unsubscribe URL from their own servers, with no
 * cookie or token. Only that exact shape is let through; the handler (web/pages/subscribe.tsx) refuses it unless
 * the HMAC signature is valid, and a valid one only lets its holder unsubscribe themselves, which a forged
 * cross-site request could not make worse.
 */
function isSignedOneClickUnsubscribe(c: Context): boolean {
  return (
    c.req.method === "POST" &&
    c.req.path === "/unsubscribe" &&
    /^[0-9]{1,9}$/.test(c.req.query("s") ?? "") &&
    /^[0-9a-f]{64}$/.test(c.req.query("sig") ?? "")
  );
}

function assertSameOrigin(c: Context, deps: AppDeps): void {
  const origin = c.req.header("origin");
  if (!origin || origin === "null") return;
  const allowed = new Set([new URL(c.req.url).origin]);
  const publicUrl = deps.editorial.publicUrl;
  if (publicUrl) allowed.add(new URL(publicUrl).origin);
  const host = c.req.header("host");
  if (host) {
    allowed.add(`http://${host}`);
    allowed.add(`https://${host}`);
  }
  if (!allowed.has(origin)) throw new HTTPException(403, { message: "cross-origin write refused" });
}

async function submittedToken(c: Context): Promise<string | undefined> {
  const header = c.req.header(CSRF_HEADER);
  if (header) return header;
  const type = c.req.header("content-type") ?? "";
  if (type.startsWith("application/x-www-form-urlencoded") || type.startsWith("multipart/form-data")) {
    const body = await c.req.parseBody();
    const value = body[CSRF_FIELD];
    return typeof value === "string" ? value : undefined;
  }
  return undefined;
}

function expectedToken(c: Context): string | undefined {
  const principal = currentPrincipal(c);
  if (principal?.kind === "session") return principal.csrfToken;
  return getCookie(c, CSRF_COOKIE);
}

function isEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The token a form on this response must carry; sets the anonymous double-submit cookie when needed. */
export function csrfTokenFor(c: Context, deps: AppDeps): string {
  const principal = currentPrincipal(c);
  if (principal?.kind === "session") return principal.csrfToken;
  const existing = getCookie(c, CSRF_COOKIE);
  if (existing && existing.length >= 32) return existing;
  const token = generateToken();
  setCookie(c, CSRF_COOKIE, token, { httpOnly: true, sameSite: "Strict", secure: isSecureRequest(c, deps), path: "/" });
  return token;
}
