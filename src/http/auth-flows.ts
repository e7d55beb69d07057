// The account commands behind the login, logout, set-password and reset forms, written once for web and API.
import { HTTPException } from "hono/http-exception";
import { insertAuthSession } from "../db/auth-sessions.js";
import type { AppDeps } from "./deps.js";
import { hitRateLimit } from "../db/rate-limits.js";
import {
  findPasswordTokenUser,
  findUserById,
  findUserCredentials,
  insertPasswordToken,
  markPasswordTokenUsed,
  updateLoginFailures,
  updatePassword,
} from "../db/users.js";
import { afterFailedLogin, assertAcceptablePassword, isLocked, normalizeEmail, RESET_PASSWORD_HOURS } from "../domain/auth.js";
import { DUMMY_PASSWORD_HASH, hashPassword, verifyPassword } from "../domain/auth-passwords.js";
import { InvalidInputError } from "../domain/errors.js";

/** Login attempts per client address per window, whatever the account. */
export const LOGIN_ATTEMPTS_PER_IP = 20;
export const LOGIN_WINDOW_SECONDS = 15 * 60;
/** Reset emails per client address per hour. */
export const RESET_REQUESTS_PER_IP = 5;

export class LoginRefused extends Error {
  override readonly name = "LoginRefused";
}

/** Checks the password and starts a session. One message for unknown email and wrong password. */
export async function logIn(deps: AppDeps, input: { email: string; password: string; clientKey: string }): Promise<{ token: string; csrfToken: string; expiresAt: Date }> {
  const now = deps.now();
  const limit = await hitRateLimit(deps.db, { key: `login:${input.clientKey}`, limit: LOGIN_ATTEMPTS_PER_IP, windowSeconds: LOGIN_WINDOW_SECONDS, now });
  if (!limit.allowed) throw new HTTPException(429, { message: "too many login attempts from this address: wait 15 minutes" });
  let email: string;
  try {
    email = normalizeEmail(input.email);
  } catch {
    throw new LoginRefused("wrong email or password");
  }
  const found = await findUserCredentials(deps.db, email);
  const matches = await verifyPassword(input.password, found?.passwordHash ?? DUMMY_PASSWORD_HASH);
  if (!found || !found.passwordHash || found.user.disabledAt) throw new LoginRefused("wrong email or password");
  if (isLocked(found.user, now)) throw new LoginRefused("this account is locked after too many wrong passwords: try again in 15 minutes or reset the password");
  if (!matches) {
    const state = afterFailedLogin(found.user, now);
    await updateLoginFailures(deps.db, found.user.id, state);
    throw new LoginRefused(state.lockedUntil ? "this account is locked after too many wrong passwords: try again in 15 minutes or reset the password" : "wrong email or password");
  }
  await updateLoginFailures(deps.db, found.user.id, { failedLogins: 0, lockedUntil: null });
  return insertAuthSession(deps.db, { userId: found.user.id, now, lifetimeHours: deps.editorial.sessionLifetimeHours });
}

/** Sets a password from a one-time link (first password or reset); ends every existing session. */
export async function setPasswordWithToken(deps: AppDeps, input: { token: string; password: string }): Promise<void> {
  const now = deps.now();
  const user = await findPasswordTokenUser(deps.db, input.token, now);
  if (!user) throw new InvalidInputError("this link has expired or was already used: ask for a new one", [{ path: "token", message: "expired or used" }]);
  assertAcceptablePassword(input.password, user.email);
  const hash = await hashPassword(input.password);
  await deps.db.transaction(async (tx) => {
    if (!(await markPasswordTokenUsed(tx, input.token, now))) throw new InvalidInputError("this link was already used", [{ path: "token", message: "used" }]);
    await updatePassword(tx, user.id, hash);
  });
}

/** Mails a reset link if the address has an account; says nothing either way, so accounts cannot be probed. */
export async function requestPasswordReset(deps: AppDeps, input: { email: string; clientKey: string; baseUrl: string }): Promise<void> {
  const now = deps.now();
  const limit = await hitRateLimit(deps.db, { key: `reset:${input.clientKey}`, limit: RESET_REQUESTS_PER_IP, windowSeconds: 3600, now });
  if (!limit.allowed) throw new HTTPException(429, { message: "too many reset requests from this address: wait an hour" });
  let email: string;
  try {
    email = normalizeEmail(input.email);
  } catch {
    return;
  }
  const found = await findUserCredentials(deps.db, email);
  if (!found || found.user.disabledAt) return;
  const token = await insertPasswordToken(deps.db, { userId: found.user.id, purpose: "reset", now, hours: RESET_PASSWORD_HOURS });
  await deps.mailer.send({
    to: email,
    subject: "Reset your Normwatch password",
    text: `Someone asked to reset the password of this Normwatch account.\n\nSet a new password within ${RESET_PASSWORD_HOURS} hour(s):\n${input.baseUrl}/account/set-password?token=${token}\n\nIf this was not you, ignore this message; your password stays as it is.`,
    idempotencyKey: `password-reset:${found.user.id}:${now.toISOString()}`,
  });
}

/** A signed-in user changes their own password: the current one must match; every session ends (sign in again). */
export async function changeOwnPassword(deps: AppDeps, input: { userId: number; currentPassword: string; newPassword: string }): Promise<void> {
  const user = await findUserById(deps.db, input.userId);
  if (!user) throw new InvalidInputError("no such account");
  const found = await findUserCredentials(deps.db, user.email);
  if (!found?.passwordHash || !(await verifyPassword(input.currentPassword, found.passwordHash))) {
    throw new InvalidInputError("the current password is not right", [{ path: "current", message: "not your current password" }]);
  }
  if (input.currentPassword === input.newPassword) throw new InvalidInputError("choose a password different from the current one", [{ path: "password", message: "same as the current password" }]);
  assertAcceptablePassword(input.newPassword, user.email);
  await updatePassword(deps.db, user.id, await hashPassword(input.newPassword));
}
