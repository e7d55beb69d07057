// Users (admins only): list accounts, add one (a set-password link is mailed), change a role, disable or
// re-enable an account, send a new set-password link. The last active admin cannot be demoted or disabled.
import { Hono, type Context } from "hono";
import { requirePermission } from "../../http/auth.js";
import { csrfTokenFor } from "../../http/csrf.js";
import type { AppDeps } from "../../http/deps.js";
import { findUserById, insertPasswordToken, insertUser, listUsers, updateUserAccess } from "../../db/users.js";
import { normalizeEmail, SET_PASSWORD_HOURS, type User } from "../../domain/auth.js";
import { ConflictError, InvalidInputError, NotFoundError } from "../../domain/errors.js";
import { USER_ROLES, type UserRole } from "../../domain/vocabulary.js";
import { CsrfInput, ErrorSummary } from "../components/forms.js";
import { Layout } from "../layout.js";
import { baseUrlOf } from "./account.js";

function statusOf(u: User): string {
  return u.disabledAt ? "disabled" : u.hasPassword ? "active" : "invited";
}

function parseRole(value: unknown): UserRole {
  const role = String(value ?? "");
  if (!(USER_ROLES as readonly string[]).includes(role))
    throw new InvalidInputError("unknown role", [{ path: "role", message: `one of ${USER_ROLES.join(", ")}` }]);
  return role as UserRole;
}

function UserRow(props: { user: User; csrf: string; isSelf: boolean }) {
  const u = props.user;
  return (
    <tr>
      <td>
        {u.email}
        {props.isSelf ? " (you)" : ""}
      </td>
      <td>{u.role}</td>
      <td>{statusOf(u)}</td>
      <td>
        <form method="post" action={`/account/users/${u.id}`} class="inline">
          <CsrfInput token={props.csrf} />
          <label for={`role-${u.id}`} class="visually-hidden">
            Role of {u.email}
          </label>
          <select id={`role-${u.id}`} name="role">
            {USER_ROLES.map((r) => (
              <option value={r} selected={r === u.role}>
                {r}
              </option>
            ))}
          </select>
          <input type="hidden" name="disabled" value={u.disabledAt ? "true" : "false"} />
          <button type="submit">Change role</button>
        </form>{" "}
        <form method="post" action={`/account/users/${u.id}`} class="inline">
          <CsrfInput token={props.csrf} />
          <input type="hidden" name="role" value={u.role} />
          <input type="hidden" name="disabled" value={u.disabledAt ? "false" : "true"} />
          <button type="submit">{u.disabledAt ? "Re-enable" : "Disable"}</button>
        </form>{" "}
        {u.disabledAt ? null : (
          <form method="post" action={`/account/users/${u.id}/link`} class="inline">
            <CsrfInput token={props.csrf} />
            <button type="submit">Send a set-password link</button>
          </form>
        )}
      </td>
    </tr>
  );
}

export function accountUsersPages(deps: AppDeps) {
  const app = new Hono();
  const page = async (
    c: Context,
    outcome: { link?: string; notice?: string; error?: Error; status?: 200 | 201 | 400 | 409 } = {},
  ) => {
    const principal = requirePermission(c, "manage-users");
    const users = await listUsers(deps.db);
    const csrf = csrfTokenFor(c, deps);
    const issues = outcome.error instanceof InvalidInputError ? outcome.error.issues : undefined;
    return c.html(
      <Layout title="Users" path="/account">
        <h1>Users</h1>
        {outcome.notice ? (
          <p role="status" class="notice">
            {outcome.notice}
          </p>
        ) : null}
        {outcome.link ? (
          <p role="status" class="notice">
            One-time link to set the password (also emailed): <code>{outcome.link}</code>
          </p>
        ) : null}
        <ErrorSummary message={outcome.error?.message} issues={issues} />
        <table class="data">
          <caption>
            Editorial accounts. Disabling signs the account out everywhere; its past changes stay attributed to it.
          </caption>
          <thead>
            <tr>
              <th scope="col">Email</th>
              <th scope="col">Role</th>
              <th scope="col">Status</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <UserRow user={u} csrf={csrf} isSelf={u.id === principal.user.id} />
            ))}
          </tbody>
        </table>
        <h2>Add a user</h2>
        <form method="post" action="/account/users" class="stack">
          <CsrfInput token={csrf} />
          <div class="field">
            <label for="email">Email</label>
            <input id="email" type="email" name="email" required />
          </div>
          <div class="field">
            <label for="role">Role</label>
            <select id="role" name="role">
              {USER_ROLES.map((r) => (
                <option value={r} selected={r === "editor"}>
                  {r}
                </option>
              ))}
            </select>
          </div>
          <button type="submit">Add user</button>
        </form>
      </Layout>,
      outcome.status ?? 200,
    );
  };
  const mailLink = async (c: Context, user: User, subject: string): Promise<string> => {
    const token = await insertPasswordToken(deps.db, {
      userId: user.id,
      purpose: "set-password",
      now: deps.now(),
      hours: SET_PASSWORD_HOURS,
    });
    const link = `${baseUrlOf(deps)}/account/set-password?token=${token}`;
    await deps.mailer.send({
      to: user.email,
      subject,
      text: `An administrator of Normwatch sent you this link.\n\nChoose your password within ${SET_PASSWORD_HOURS} hours:\n${link}`,
    });
    return link;
  };

  app.get("/", (c) => page(c));
  app.post("/", async (c) => {
    requirePermission(c, "manage-users");
    const body = await c.req.parseBody();
    const role = parseRole(body["role"]);
    const user = await insertUser(deps.db, {
      email: normalizeEmail(String(body["email"] ?? "")),
      role,
      now: deps.now(),
    });
    const link = await mailLink(c, user, "Your Normwatch editor account");
    return page(c, { link, notice: `Account created for ${user.email}.`, status: 201 });
  });
  app.post("/:id{[0-9]+}", async (c) => {
    requirePermission(c, "manage-users");
    const body = await c.req.parseBody();
    try {
      const user = await updateUserAccess(deps.db, {
        userId: Number(c.req.param("id")),
        role: parseRole(body["role"]),
        isDisabled: body["disabled"] === "true",
        now: deps.now(),
      });
      return page(c, { notice: `${user.email} is now ${user.role}, ${statusOf(user)}.` });
    } catch (error) {
      if (error instanceof ConflictError) return page(c, { error, status: 409 });
      if (error instanceof InvalidInputError) return page(c, { error, status: 400 });
      throw error;
    }
  });
  app.post("/:id{[0-9]+}/link", async (c) => {
    requirePermission(c, "manage-users");
    const user = await findUserById(deps.db, Number(c.req.param("id")));
    if (!user) throw new NotFoundError("user", c.req.param("id"));
    if (user.disabledAt)
      return page(c, { error: new ConflictError("re-enable the account before sending it a link"), status: 409 });
    const link = await mailLink(c, user, "Set your Normwatch password");
    return page(c, { link, notice: `A new link was sent to ${user.email}; earlier links no longer work.` });
  });
  return app;
}
