// The account commands behind the login, logout, set-password and reset forms, written once for web and API.
import { HTTPException } from "hono/http-exception";
import { revokeUserApiTokens } from "../db/api-tokens.js";
import { insertAuthSession } from "../db/auth-sessions.js";
import type { AppDeps } from "./deps.js";
import { createHash } from "node:crypto";
import { deleteAttempts, getAttempts, hitRateLimit, insertAttempt } from "../db/rate-limits.js";
import {
  findPasswordTokenUser,
  findUserById,
  findUserCredentials,
  insertPasswordToken,
  markPasswordTokenUsed,
  updateLoginFailures,
  updatePassword,
} from "../db/users.js";
import { assertAcceptablePassword, normalizeEmail, RESET_PASSWORD_HOURS } from "../domain/auth.js";
import { DUMMY_PASSWORD_HASH, hashPassword, verifyPassword } from "../domain/auth-passwords.js";
import { InvalidInputError } from "../domain/errors.js";

/**
 * Sign-in backoff instead of a lock-out: wrong passwords are free up to these counts per account (known or not, so
 * the answer never tells which addresses have accounts) and per client network within the window; after that each
 * further attempt waits twice as long as the one before (1 s, 2 s, 4 s … up to 15 minutes).
 */
export const LOGIN_FREE_FAILURES_PER_ACCOUNT = 5;
export const LOGIN_FREE_FAILURES_PER_CLIENT = 20;
export const LOGIN_MAX_WAIT_SECONDS = 15 * 60;
export const LOGIN_WINDOW_SECONDS = 60 * 60;
/** Reset emails per client address per hour. */
export const RESET_REQUESTS_PER_IP = 5;

export class LoginRefused extends Error {
  override readonly name = "LoginRefused";
  /** 401 for a wrong email or password, 429 while backing off. */
  constructor(
    message: string,
    readonly status: 401 | 429 = 401,
  ) {
    super(message);
  }
}

/** Seconds until the next attempt under a key is allowed: 0 within the free failures, then doubling after each. */
async function backoffSeconds(deps: AppDeps, key: string, freeFailures: number, now: Date): Promise<number> {
  const { count, last } = await getAttempts(deps.db, {
    key,
    since: new Date(now.getTime() - LOGIN_WINDOW_SECONDS * 1000),
  });
  if (count < freeFailures || !last) return 0;
  const wait = Math.min(LOGIN_MAX_WAIT_SECONDS, 2 ** (count - freeFailures));
  return Math.max(0, Math.ceil((last.getTime() + wait * 1000 - now.getTime()) / 1000));
}

/** Checks the password and starts a session. One message for unknown email and wrong password. */
export async function logIn(
  deps: AppDeps,
  input: { email: string; password: string; clientKey: string },
): Promise<{ token: string; csrfToken: string; expiresAt: Date }> {
  const now = deps.now();
  let email: string | undefined;
  try {
    email = normalizeEmail(input.email);
  } catch {
    email = undefined;
  }
  // Keyed by the address typed, whether or not it has an account: known and unknown addresses answer alike.
  const accountKey = `login-account:${createHash("sha256")
    .update(email ?? input.email.trim().toLowerCase())
    .digest("hex")
    .slice(0, 32)}`;
  const clientKey = `login-client:${input.clientKey}`;
  const wait = Math.max(
    await backoffSeconds(deps, accountKey, LOGIN_FREE_FAILURES_PER_ACCOUNT, now),
    await backoffSeconds(deps, clientKey, LOGIN_FREE_FAILURES_PER_CLIENT, now),
  );
  if (wait > 0)
    throw new LoginRefused(
      `too many wrong passwords for this address or from this network: try again in ${wait} s`,
      429,
    );
  const found = email ? await findUserCredentials(deps.db, email) : null;
  const matches = await verifyPassword(input.password, found?.passwordHash ?? DUMMY_PASSWORD_HASH);
  if (!found || !found.passwordHash || found.user.disabledAt || !matches) {
    await insertAttempt(deps.db, { key: accountKey, now });
    await insertAttempt(deps.db, { key: clientKey, now });
    throw new LoginRefused("wrong email or password");
  }
  await deleteAttempts(deps.db, accountKey);
  // The lock-out of earlier versions is gone: clear what it left on the account.
  if (found.user.failedLogins || found.user.lockedUntil)
    await updateLoginFailures(deps.db, found.user.id, { failedLogins: 0, lockedUntil: null });
  return insertAuthSession(deps.db, { userId: found.user.id, now, lifetimeHours: deps.editorial.sessionLifetimeHours });
}

/** Sets a password from a one-time link (first password or reset); ends every existing session and API token. */
export async function setPasswordWithToken(deps: AppDeps, input: { token: string; password: string }): Promise<void> {
  const now = deps.now();
  const user = await findPasswordTokenUser(deps.db, input.token, now);
  if (!user)
    throw new InvalidInputError("this link has expired or was already used: ask for a new one", [
      { path: "token", message: "expired or used" },
    ]);
  assertAcceptablePassword(input.password, user.email);
  const hash = await hashPassword(input.password);
  await deps.db.transaction(async (tx) => {
    if (!(await markPasswordTokenUsed(tx, input.token, now)))
      throw new InvalidInputError("this link was already used", [{ path: "token", message: "used" }]);
    await updatePassword(tx, user.id, hash);
    // Whoever knew the old password may have made tokens with it: they end with it.
    await revokeUserApiTokens(tx, { userId: user.id, now });
  });
}

/** Mails a reset link if the address has an account; says nothing either way, so accounts cannot be probed. */
export async function requestPasswordReset(
  deps: AppDeps,
  input: { email: string; clientKey: string; baseUrl: string },
): Promise<void> {
  const now = deps.now();
  const limit = await hitRateLimit(deps.db, {
    key: `reset:${input.clientKey}`,
    limit: RESET_REQUESTS_PER_IP,
    windowSeconds: 3600,
    now,
  });
  if (!limit.allowed)
    throw new HTTPException(429, { message: "too many reset requests from this address: wait an hour" });
  let email: string;
  try {
    email = normalizeEmail(input.email);
  } catch {
    return;
  }
  const found = await findUserCredentials(deps.db, email);
  if (!found || found.user.disabledAt) return;
  const token = await insertPasswordToken(deps.db, {
    userId: found.user.id,
    purpose: "reset",
    now,
    hours: RESET_PASSWORD_HOURS,
  });
  await deps.mailer.send({
    to: email,
    subject: "Reset your Normwatch password",
    text: `Someone asked to reset the password of this Normwatch account.\n\nSet a new password within ${RESET_PASSWORD_HOURS} hour(s):\n${input.baseUrl}/account/set-password?token=${token}\n\nIf this was not you, ignore this message; your password stays as it is.`,
    idempotencyKey: `password-reset:${found.user.id}:${now.toISOString()}`,
  });
}

/** A signed-in user changes their own password: the current one must match; every session and API token ends. */
export async function changeOwnPassword(
  deps: AppDeps,
  input: { userId: number; currentPassword: string; newPassword: string },
): Promise<void> {
  const user = await findUserById(deps.db, input.userId);
  if (!user) throw new InvalidInputError("no such account");
  const found = await findUserCredentials(deps.db, user.email);
  if (!found?.passwordHash || !(await verifyPassword(input.currentPassword, found.passwordHash))) {
    throw new InvalidInputError("the current password is not right", [
      { path: "current", message: "not your current password" },
    ]);
  }
  if (input.currentPassword === input.newPassword)
    throw new InvalidInputError("choose a password different from the current one", [
      { path: "password", message: "same as the current password" },
    ]);
  assertAcceptablePassword(input.newPassword, user.email);
  const hash = await hashPassword(input.newPassword);
  await deps.db.transaction(async (tx) => {
    await updatePassword(tx, user.id, hash);
    await revokeUserApiTokens(tx, { userId: user.id, now: deps.now() });
  });
}
