// API tokens for scripts: scoped, revocable, stored as SHA-256 only.
import { and, asc, eq, isNull } from "drizzle-orm";
import { API_TOKEN_PREFIX, generateToken, hashToken, type User } from "../domain/auth.js";
import { NotFoundError } from "../domain/errors.js";
import type { ApiTokenScope } from "../domain/vocabulary.js";
import type { Db } from "./client.js";
import { apiTokens, users } from "./schema/accounts.js";
import { toUser } from "./users.js";
import type { Tx } from "./upsert.js";

export interface ApiToken {
  id: number;
  userId: number;
  name: string;
  scopes: ApiTokenScope[];
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

function toApiToken(row: typeof apiTokens.$inferSelect): ApiToken {
  return {
    id: row.id,
    userId: row.userId,
    name: row.name,
    scopes: row.scopes as ApiTokenScope[],
    createdAt: row.createdAt,
    lastUsedAt: row.lastUsedAt,
    revokedAt: row.revokedAt,
  };
}

/** Creates a token; the secret is returned once and cannot be shown again. */
export async function insertApiToken(
  db: Db,
  input: { userId: number; name: string; scopes: ApiTokenScope[]; now: Date },
): Promise<{ token: ApiToken; secret: string }> {
  const secret = generateToken(API_TOKEN_PREFIX);
  const [row] = await db
    .insert(apiTokens)
    .values({
      userId: input.userId,
      name: input.name,
      scopes: input.scopes,
      tokenHash: hashToken(secret),
      createdAt: input.now,
    })
    .returning();
  return { token: toApiToken(row!), secret };
}

export async function listApiTokens(db: Db, userId: number): Promise<ApiToken[]> {
  return (await db.select().from(apiTokens).where(eq(apiTokens.userId, userId)).orderBy(asc(apiTokens.createdAt))).map(
    toApiToken,
  );
}

export async function revokeApiToken(db: Db, input: { userId: number; tokenId: number; now: Date }): Promise<void> {
  const rows = await db
    .update(apiTokens)
    .set({ revokedAt: input.now })
    .where(and(eq(apiTokens.id, input.tokenId), eq(apiTokens.userId, input.userId), isNull(apiTokens.revokedAt)))
    .returning({ id: apiTokens.id });
  if (rows.length === 0) throw new NotFoundError("API token", String(input.tokenId));
}

/** Revokes every live token of a user (a password change or reset, signing out everywhere); returns how many. */
export async function revokeUserApiTokens(db: Db | Tx, input: { userId: number; now: Date }): Promise<number> {
  const rows = await db
    .update(apiTokens)
    .set({ revokedAt: input.now })
    .where(and(eq(apiTokens.userId, input.userId), isNull(apiTokens.revokedAt)))
    .returning({ id: apiTokens.id });
  return rows.length;
}

/** The live token and its owner for a bearer secret, recording its use; null when unknown, revoked or the owner is disabled. */
export async function findApiTokenBySecret(
  db: Db,
  secret: string,
  now: Date,
): Promise<{ token: ApiToken; user: User } | null> {
  const [row] = await db
    .select({ token: apiTokens, user: users })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(and(eq(apiTokens.tokenHash, hashToken(secret)), isNull(apiTokens.revokedAt), isNull(users.disabledAt)));
  if (!row) return null;
  await db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, row.token.id));
  return {
    token: toApiToken(row.token),
    user: toUser(row.user),
  };
}
