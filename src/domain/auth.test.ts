import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "./auth-passwords.js";
import {
  afterFailedLogin,
  assertAcceptablePassword,
  assertKeepsAnAdmin,
  hasPermission,
  isLocked,
  type Principal,
  type User,
} from "./auth.js";

const editor: User = {
  id: 1,
  email: "ada@example.org",
  role: "editor",
  hasPassword: true,
  failedLogins: 0,
  lockedUntil: null,
  disabledAt: null,
  createdAt: new Date(0),
};

describe("accounts and access", () => {
  it("hashes passwords with a per-password salt and verifies only the right one", async () => {
    const a = await hashPassword("correct horse battery staple");
    const b = await hashPassword("correct horse battery staple");
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword("correct horse battery staple", a)).toBe(true);
    expect(await verifyPassword("correct horse battery stapler", a)).toBe(false);
    expect(await verifyPassword("anything", "not-a-hash")).toBe(false);
  });

  it("gives editors edit and review, admins user management, and tokens only their scopes", () => {
    const session: Principal = { kind: "session", user: editor, sessionHash: "h", csrfToken: "c" };
    expect(hasPermission(session, "review")).toBe(true);
    expect(hasPermission(session, "manage-users")).toBe(false);
    expect(hasPermission({ ...session, user: { ...editor, role: "admin" } }, "manage-users")).toBe(true);
    const token: Principal = {
      kind: "token",
      user: { ...editor, role: "admin" },
      tokenId: 1,
      scopes: ["changes:write"],
    };
    expect(hasPermission(token, "edit")).toBe(true);
    expect(hasPermission(token, "review")).toBe(false);
    expect(hasPermission(token, "manage-users")).toBe(false);
    expect(hasPermission({ ...session, user: { ...editor, disabledAt: new Date(0) } }, "edit")).toBe(false);
    expect(hasPermission(null, "edit")).toBe(false);
  });

  it("locks an account for 15 minutes at the fifth wrong password in a row", () => {
    const now = new Date("2026-11-23T12:00:00Z");
    expect(afterFailedLogin({ failedLogins: 3 }, now)).toEqual({ failedLogins: 4, lockedUntil: null });
    const locked = afterFailedLogin({ failedLogins: 4 }, now);
    expect(locked.lockedUntil).toEqual(new Date("2026-11-23T12:15:00Z"));
    expect(isLocked(locked, new Date("2026-11-23T12:14:59Z"))).toBe(true);
    expect(isLocked(locked, new Date("2026-11-23T12:15:00Z"))).toBe(false);
  });

  it("refuses short passwords and ones containing the email's name", () => {
    expect(() => assertAcceptablePassword("short", "ada@example.org")).toThrow(/stronger/);
    expect(() => assertAcceptablePassword("grace-is-my-password", "grace@example.org")).toThrow(/stronger/);
    expect(() => assertAcceptablePassword("four random words here", "ada@example.org")).not.toThrow();
  });

  it("refuses to demote or disable the last active admin, and allows it when another admin remains", () => {
    expect(() => assertKeepsAnAdmin({ otherActiveAdmins: 0, roleAfter: "editor", isDisabledAfter: false })).toThrow(
      /last active admin/,
    );
    expect(() => assertKeepsAnAdmin({ otherActiveAdmins: 0, roleAfter: "admin", isDisabledAfter: true })).toThrow(
      /last active admin/,
    );
    expect(() =>
      assertKeepsAnAdmin({ otherActiveAdmins: 0, roleAfter: "admin", isDisabledAfter: false }),
    ).not.toThrow();
    expect(() =>
      assertKeepsAnAdmin({ otherActiveAdmins: 1, roleAfter: "editor", isDisabledAfter: true }),
    ).not.toThrow();
  });
});
