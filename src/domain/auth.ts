// Accounts and access rules: roles, permissions, password policy, login lockout and token formats (pure).
import { createHash, randomBytes } from "node:crypto";
import { ConflictError, InvalidInputError } from "./errors.js";
import type { ApiTokenScope, UserRole } from "./vocabulary.js";

export interface User {
  id: number;
  email: string;
  role: UserRole;
  hasPassword: boolean;
  failedLogins: number;
  lockedUntil: Date | null;
  disabledAt: Date | null;
  createdAt: Date;
}

/** Who is making a request: a signed-in user (cookie session) or a script (API token with scopes). */
export type Principal =
  | { kind: "session"; user: User; sessionHash: string; csrfToken: string }
  | { kind: "token"; user: User; tokenId: number; scopes: ApiTokenScope[] };

export type Permission = "edit" | "review" | "manage-users";

const ROLE_PERMISSIONS: Record<UserRole, Permission[]> = {
  admin: ["edit", "review", "manage-users"],
  editor: ["edit", "review"],
};

const SCOPE_PERMISSIONS: Record<ApiTokenScope, Permission[]> = {
  "changes:write": ["edit"],
  "changes:review": ["review"],
};

/** Whether the principal may do this; a token never has more than its scopes or its owner's role. */
export function hasPermission(principal: Principal | null, permission: Permission): boolean {
  if (!principal || principal.user.disabledAt) return false;
  if (!ROLE_PERMISSIONS[principal.user.role].includes(permission)) return false;
  if (principal.kind === "token") return principal.scopes.some((s) => SCOPE_PERMISSIONS[s].includes(permission));
  return true;
}

/**
 * An instance must keep at least one active admin, or nobody could manage accounts again (short of the
 * CLI). `otherActiveAdmins` counts active admins other than the account being changed.
 */
export function assertKeepsAnAdmin(input: {
  otherActiveAdmins: number;
  roleAfter: UserRole;
  isDisabledAfter: boolean;
}): void {
  const remainsActiveAdmin = input.roleAfter === "admin" && !input.isDisabledAfter;
  if (!remainsActiveAdmin && input.otherActiveAdmins === 0) {
    throw new ConflictError("this is the last active admin: make another account admin first");
  }
}

export const MIN_PASSWORD_LENGTH = 12;

export function assertAcceptablePassword(password: string, email: string): void {
  const issues: { path: string; message: string }[] = [];
  if (password.length < MIN_PASSWORD_LENGTH)
    issues.push({ path: "password", message: `use at least ${MIN_PASSWORD_LENGTH} characters` });
  if (password.length > 1024) issues.push({ path: "password", message: "use at most 1024 characters" });
  // Short local parts ("lin") occur inside ordinary words, so only names of four letters or more count.
  const name = email.toLowerCase().split("@")[0] ?? "";
  if (name.length >= 4 && password.toLowerCase().includes(name))
    issues.push({ path: "password", message: "do not use your email address in the password" });
  if (issues.length) throw new InvalidInputError("choose a stronger password", issues);
}

export function normalizeEmail(email: string): string {
  const e = email.trim().toLowerCase();
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(e) || e.length > 254)
    throw new InvalidInputError("not an email address", [{ path: "email", message: "not an email address" }]);
  return e;
}

/** Lockout: after this many wrong passwords in a row the account refuses logins for LOCKOUT_MINUTES. */
export const LOCKOUT_THRESHOLD = 5;
export const LOCKOUT_MINUTES = 15;

export function isLocked(user: Pick<User, "lockedUntil">, now: Date): boolean {
  return user.lockedUntil !== null && user.lockedUntil.getTime() > now.getTime();
}

/** The failure count and lock after one more wrong password. */
export function afterFailedLogin(
  user: Pick<User, "failedLogins">,
  now: Date,
): { failedLogins: number; lockedUntil: Date | null } {
  const failedLogins = user.failedLogins + 1;
  return {
    failedLogins,
    lockedUntil: failedLogins >= LOCKOUT_THRESHOLD ? new Date(now.getTime() + LOCKOUT_MINUTES * 60_000) : null,
  };
}

/** A random secret for a cookie, link or API token; prefix marks its kind (e.g. "nwt_" for API tokens). */
export function generateToken(prefix = ""): string {
  return prefix + randomBytes(32).toString("base64url");
}

/** Tokens are stored only as SHA-256: they are long random values, so a slow hash adds nothing. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export const API_TOKEN_PREFIX = "nwt_";
export const SET_PASSWORD_HOURS = 72;
export const RESET_PASSWORD_HOURS = 1;
