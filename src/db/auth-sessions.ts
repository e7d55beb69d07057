// Server-side login sessions: the cookie carries a random token, the table its SHA-256, the user and a CSRF token.
import { and, eq, gt, lte } from "drizzle-orm";
import { generateToken, hashToken, type User } from "../domain/auth.js";
import type { Db } from "./client.js";
import { authSessions, users } from "./schema/accounts.js";
import { toUser } from "./users.js";

export interface AuthSession {
  tokenHash: string;
  user: User;
  csrfToken: string;
  expiresAt: Date;
}

/** Starts a session; returns the cookie token (never stored) and the session's CSRF token. */
export async function insertAuthSession(
  db: Db,
  input: { userId: number; now: Date; lifetimeHours: number },
): Promise<{ token: string; csrfToken: string; expiresAt: Date }> {
  const token = generateToken();
  const csrfToken = generateToken();
  const expiresAt = new Date(input.now.getTime() + input.lifetimeHours * 3_600_000);
  await db.delete(authSessions).where(lte(authSessions.expiresAt, input.now));
  await db
    .insert(authSessions)
    .values({ tokenHash: hashToken(token), userId: input.userId, csrfToken, createdAt: input.now, expiresAt });
  return { token, csrfToken, expiresAt };
}

/** The live session of a cookie token (not expired, user not disabled), or null. */
export async function findAuthSession(db: Db, token: string, now: Date): Promise<AuthSession | null> {
  const [row] = await db
    .select({ session: authSessions, user: users })
    .from(authSessions)
    .innerJoin(users, eq(users.id, authSessions.userId))
    .where(and(eq(authSessions.tokenHash, hashToken(token)), gt(authSessions.expiresAt, now)));
  if (!row || row.user.disabledAt) return null;
  return {
    tokenHash: row.session.tokenHash,
    csrfToken: row.session.csrfToken,
    expiresAt: row.session.expiresAt,
    user: toUser(row.user),
  };
}

export async function deleteAuthSession(db: Db, tokenHash: string): Promise<void> {
  await db.delete(authSessions).where(eq(authSessions.tokenHash, tokenHash));
}

/** "Log out everywhere": ends every session of the user. */
export async function deleteUserAuthSessions(db: Db, userId: number): Promise<number> {
  const rows = await db
    .delete(authSessions)
    .where(eq(authSessions.userId, userId))
    .returning({ h: authSessions.tokenHash });
  return rows.length;
}
