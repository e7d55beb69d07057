// Editorial accounts: create, find, list, lockout bookkeeping, passwords and one-time password links.
import { and, asc, eq, gt, inArray, isNull, sql } from "drizzle-orm";
import { assertKeepsAnAdmin, generateToken, hashToken, type User } from "../domain/auth.js";
import { ConflictError, NotFoundError } from "../domain/errors.js";
import type { UserRole } from "../domain/vocabulary.js";
import type { Db } from "./client.js";
import { authSessions, passwordTokens, users } from "./schema/accounts.js";
import type { Tx } from "./upsert.js";

type Handle = Db | Tx;

/** The account as the rest of the code sees it: whether a password is set, never its hash. */
export function toUser(row: typeof users.$inferSelect): User {
  return {
    id: row.id,
    email: row.email,
    role: row.role,
    hasPassword: row.passwordHash !== null,
    failedLogins: row.failedLogins,
    lockedUntil: row.lockedUntil,
    disabledAt: row.disabledAt,
    createdAt: row.createdAt,
  };
}

export async function insertUser(db: Handle, input: { email: string; role: UserRole; now: Date }): Promise<User> {
  const existing = await db.select({ id: users.id }).from(users).where(eq(users.email, input.email));
  if (existing.length) throw new ConflictError(`an account for ${input.email} already exists`);
  const [row] = await db
    .insert(users)
    .values({ email: input.email, role: input.role, createdAt: input.now })
    .returning();
  return toUser(row!);
}

export async function findUserById(db: Handle, id: number): Promise<User | null> {
  const [row] = await db.select().from(users).where(eq(users.id, id));
  return row ? toUser(row) : null;
}

/** The user and stored password hash for a login attempt. */
export async function findUserCredentials(
  db: Handle,
  email: string,
): Promise<{ user: User; passwordHash: string | null } | null> {
  const [row] = await db.select().from(users).where(eq(users.email, email));
  return row ? { user: toUser(row), passwordHash: row.passwordHash } : null;
}

export async function getUserByEmail(db: Handle, email: string): Promise<User> {
  const [row] = await db.select().from(users).where(eq(users.email, email));
  if (!row) throw new NotFoundError("user", email);
  return toUser(row);
}

export async function listUsers(db: Handle): Promise<User[]> {
  return (await db.select().from(users).orderBy(asc(users.email))).map(toUser);
}

/** Active accounts that can review (editors and admins), for the four-eyes rule. */
export async function countActiveEditors(db: Handle): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(users)
    .where(and(isNull(users.disabledAt), inArray(users.role, ["editor", "admin"])));
  return Number(row?.n ?? 0);
}

export async function updateLoginFailures(
  db: Handle,
  userId: number,
  state: { failedLogins: number; lockedUntil: Date | null },
): Promise<void> {
  await db.update(users).set(state).where(eq(users.id, userId));
}

export async function updateUserRole(db: Handle, userId: number, role: UserRole): Promise<void> {
  await db.update(users).set({ role }).where(eq(users.id, userId));
}

/** Disables an account and signs it out everywhere. */
export async function disableUser(db: Handle, userId: number, now: Date): Promise<void> {
  await db.update(users).set({ disabledAt: now }).where(eq(users.id, userId));
  await db.delete(authSessions).where(eq(authSessions.userId, userId));
}

/**
 * Changes an account's role and whether it is disabled, in one transaction that locks the admin rows, so two
 * admins demoting each other at once cannot leave the instance without one. Disabling signs the user out.
 */
export async function updateUserAccess(
  db: Db,
  input: { userId: number; role: UserRole; isDisabled: boolean; now: Date },
): Promise<User> {
  return db.transaction(async (tx) => {
    const admins = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.role, "admin"), isNull(users.disabledAt)))
      .for("update");
    const [target] = await tx.select().from(users).where(eq(users.id, input.userId)).for("update");
    if (!target) throw new NotFoundError("user", String(input.userId));
    assertKeepsAnAdmin({
      otherActiveAdmins: admins.filter((a) => a.id !== input.userId).length,
      roleAfter: input.role,
      isDisabledAfter: input.isDisabled,
    });
    const disabledAt = input.isDisabled ? (target.disabledAt ?? input.now) : null;
    const [row] = await tx
      .update(users)
      .set({ role: input.role, disabledAt })
      .where(eq(users.id, input.userId))
      .returning();
    if (input.isDisabled) await tx.delete(authSessions).where(eq(authSessions.userId, input.userId));
    return toUser(row!);
  });
}

/** Stores a new password hash, clears the lockout and ends every session of the user. */
export async function updatePassword(db: Handle, userId: number, passwordHash: string): Promise<void> {
  await db.update(users).set({ passwordHash, failedLogins: 0, lockedUntil: null }).where(eq(users.id, userId));
  await db.delete(authSessions).where(eq(authSessions.userId, userId));
}

/** A one-time password link token (returned once; only its hash is stored). Earlier unused links of the user stop working. */
export async function insertPasswordToken(
  db: Handle,
  input: { userId: number; purpose: "set-password" | "reset"; now: Date; hours: number },
): Promise<string> {
  const token = generateToken();
  await db.delete(passwordTokens).where(and(eq(passwordTokens.userId, input.userId), isNull(passwordTokens.usedAt)));
  await db.insert(passwordTokens).values({
    tokenHash: hashToken(token),
    userId: input.userId,
    purpose: input.purpose,
    createdAt: input.now,
    expiresAt: new Date(input.now.getTime() + input.hours * 3_600_000),
  });
  return token;
}

/** The user a still-valid, unused password token belongs to, or null. */
export async function findPasswordTokenUser(db: Handle, token: string, now: Date): Promise<User | null> {
  const [row] = await db
    .select({ user: users })
    .from(passwordTokens)
    .innerJoin(users, eq(users.id, passwordTokens.userId))
    .where(
      and(
        eq(passwordTokens.tokenHash, hashToken(token)),
        isNull(passwordTokens.usedAt),
        gt(passwordTokens.expiresAt, now),
        isNull(users.disabledAt),
      ),
    );
  return row ? toUser(row.user) : null;
}

/** Marks the token used; false when it was already used (two submissions racing). */
export async function markPasswordTokenUsed(db: Handle, token: string, now: Date): Promise<boolean> {
  const rows = await db
    .update(passwordTokens)
    .set({ usedAt: now })
    .where(and(eq(passwordTokens.tokenHash, hashToken(token)), isNull(passwordTokens.usedAt)))
    .returning({ hash: passwordTokens.tokenHash });
  return rows.length === 1;
}
