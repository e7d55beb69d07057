// The confirmed reader's cookie (issue 17): set when a subscriber confirms their address (or asks the preferences page
// to remember this browser), it lets them follow a record in one step. It carries a signed token
// (newsletter/reader-token.ts), never a bare id; a forged, expired or outdated one is ignored.
import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { isSecureRequest } from "../http/auth.js";
import type { AppDeps } from "../http/deps.js";
import { findSubscriber, type Subscriber } from "../db/subscribers.js";
import {
  isReaderTokenValid,
  parseReaderToken,
  readerTokenExpiry,
  READER_TOKEN_DAYS,
  signReaderToken,
} from "../newsletter/reader-token.js";

export const READER_COOKIE = "nw_reader";

/** Remembers this browser as the confirmed subscriber's for a year (Max-Age; the token's expiry is checked too). */
export function rememberReader(c: Context, deps: AppDeps, reader: Pick<Subscriber, "id" | "confirmedAt">): void {
  const secret = deps.newsletter.secret;
  if (!secret || !reader.confirmedAt) return;
  setCookie(c, READER_COOKIE, signReaderToken(secret, reader, readerTokenExpiry(deps.now())), {
    httpOnly: true,
    secure: isSecureRequest(c, deps),
    // Lax, not Strict: a reader arriving from a link elsewhere still sees "Follow as …" on the follow page; writes
    // still need the CSRF token.
    sameSite: "Lax",
    path: "/",
    maxAge: READER_TOKEN_DAYS * 86_400,
  });
}

export function forgetReader(c: Context, deps: AppDeps): void {
  deleteCookie(c, READER_COOKIE, { path: "/", secure: isSecureRequest(c, deps), httpOnly: true, sameSite: "Lax" });
}

/** The subscriber id the cookie claims, signature not checked: only to compare with an id proved otherwise. */
export function claimedReaderId(c: Context): number | null {
  return parseReaderToken(getCookie(c, READER_COOKIE))?.subscriberId ?? null;
}

/** The active subscriber this browser's cookie names, when its signature, expiry and confirmation hold; else null. */
export async function findCookieReader(c: Context, deps: AppDeps): Promise<Subscriber | null> {
  const secret = deps.newsletter.secret;
  const claims = parseReaderToken(getCookie(c, READER_COOKIE));
  if (!secret || !claims) return null;
  const subscriber = await findSubscriber(deps.db, claims.subscriberId);
  if (!subscriber || subscriber.status !== "active") return null;
  return isReaderTokenValid(secret, claims, subscriber, deps.now()) ? subscriber : null;
}
