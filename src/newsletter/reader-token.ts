// The token of the "confirmed reader" cookie (issue 17): a subscriber who confirmed their address follows a record in
// one step from this browser. Pure: the secret (the newsletter's link secret) and the clock are passed in.
import { createHmac, timingSafeEqual } from "node:crypto";

/** How long a browser stays recognised after the confirmation (or "remember me" on the preferences page). */
export const READER_TOKEN_DAYS = 365;

export interface ReaderTokenClaims {
  subscriberId: number;
  expiresAt: Date;
  signature: string;
}

/** The confirmation this token was issued for: a later unsubscribe and sign-up again makes the old token void. */
export interface ReaderIdentity {
  id: number;
  confirmedAt: Date | null;
}

function signatureOf(secret: string, reader: ReaderIdentity, expiresAt: Date): string {
  const confirmed = reader.confirmedAt?.getTime() ?? 0;
  return createHmac("sha256", secret)
    .update(`normwatch:reader:${reader.id}:${Math.floor(expiresAt.getTime() / 1000)}:${confirmed}`)
    .digest("hex");
}

export function readerTokenExpiry(now: Date): Date {
  return new Date(Math.floor(now.getTime() / 1000) * 1000 + READER_TOKEN_DAYS * 86_400_000);
}

/** `<subscriber id>.<expiry, Unix seconds>.<HMAC-SHA256 hex>`: readable by its holder, unforgeable without the key. */
export function signReaderToken(secret: string, reader: ReaderIdentity, expiresAt: Date): string {
  return `${reader.id}.${Math.floor(expiresAt.getTime() / 1000)}.${signatureOf(secret, reader, expiresAt)}`;
}

/** The claims of a well-formed token (not yet checked), or null. */
export function parseReaderToken(token: string | undefined): ReaderTokenClaims | null {
  const match = /^([1-9][0-9]{0,8})\.([0-9]{1,12})\.([0-9a-f]{64})$/.exec(token ?? "");
  if (!match) return null;
  return { subscriberId: Number(match[1]), expiresAt: new Date(Number(match[2]) * 1000), signature: match[3]! };
}

/** Whether the claims were signed with this secret for this subscriber's current confirmation and are unexpired. */
export function isReaderTokenValid(
  secret: string,
  claims: ReaderTokenClaims,
  reader: ReaderIdentity,
  now: Date,
): boolean {
  if (claims.subscriberId !== reader.id || reader.confirmedAt === null) return false;
  if (now.getTime() >= claims.expiresAt.getTime()) return false;
  const expected = Buffer.from(signatureOf(secret, reader, claims.expiresAt), "hex");
  const given = Buffer.from(claims.signature, "hex");
  return expected.length === given.length && timingSafeEqual(expected, given);
}
