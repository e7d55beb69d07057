// Account pages: overview, sign out (here or everywhere), change, set or reset a password, API tokens (users: account-users.tsx).
import { Hono, type Context } from "hono";
import { deleteCookie } from "hono/cookie";
import { changeOwnPassword, requestPasswordReset, setPasswordWithToken } from "../../http/auth-flows.js";
import { clientKey, currentPrincipal, requirePermission, SESSION_COOKIE } from "../../http/auth.js";
import { csrfTokenFor } from "../../http/csrf.js";
import { insertApiToken, listApiTokens, revokeApiToken, revokeUserApiTokens } from "../../db/api-tokens.js";
import { deleteAuthSession, deleteUserAuthSessions } from "../../db/auth-sessions.js";
import type { AppDeps } from "../../http/deps.js";
import { InvalidInputError } from "../../domain/errors.js";
import { API_TOKEN_SCOPES, type ApiTokenScope } from "../../domain/vocabulary.js";
import { CsrfInput, ErrorSummary, type FormIssue } from "../components/forms.js";
import { Layout } from "../layout.js";

/** The base of links in mail (reset, set-password, correction notices, digest): configured, never the Host header. */
export function baseUrlOf(deps: AppDeps): string {
  return deps.editorial.siteUrl;
}

function SetPasswordPage(props: { csrf: string; token: string; error?: string; issues?: FormIssue[] }) {
  return (
    <Layout title="Choose a password">
      <h1>Choose a password</h1>
      <ErrorSummary message={props.error} issues={props.issues} />
      <form method="post" action="/account/set-password" class="stack">
        <CsrfInput token={props.csrf} />
        <input type="hidden" name="token" value={props.token} />
        <div class="field">
          <label for="password">New password</label>
          <span class="hint" id="password-hint">
            At least 12 characters; a passphrase of several words works well.
          </span>
          <input
            id="password"
            type="password"
            name="password"
            autocomplete="new-password"
            minlength={12}
            required
            aria-describedby="password-hint"
          />
        </div>
        <button type="submit">Set password</button>
      </form>
    </Layout>
  );
}

export function accountPages(deps: AppDeps) {
  const app = new Hono();
  // A new token or set-password link is rendered in the POST response itself, never put in a URL.
  const overview = async (c: Context, created?: string, passwordError?: InvalidInputError) => {
    const principal = requirePermission(c, "edit");
    const tokens = await listApiTokens(deps.db, principal.user.id);
    const csrf = csrfTokenFor(c, deps);
    return c.html(
      <Layout title="Your account" path="/account">
        <h1>Your account</h1>
        <p>
          Signed in as <strong>{principal.user.email}</strong> ({principal.user.role}).
        </p>
        <p>
          <a href="/editor">Editor queue</a>
          {principal.user.role === "admin" ? (
            <>
              {" "}
              · <a href="/account/users">Users</a>
            </>
          ) : null}
        </p>
        <form method="post" action="/account/logout" class="inline">
          <CsrfInput token={csrf} />
          <button type="submit">Sign out</button>
        </form>{" "}
        <form method="post" action="/account/logout-everywhere" class="inline">
          <CsrfInput token={csrf} />
          <button type="submit">Sign out everywhere</button>
        </form>
        <h2>API tokens</h2>
        <p>
          For scripts using the write API: send <code>Authorization: Bearer &lt;token&gt;</code>. A token is shown once.
        </p>
        {created ? (
          <p role="status" class="notice">
            New token (copy it now, it will not be shown again): <code>{created}</code>
          </p>
        ) : null}
        <table class="data">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Scopes</th>
              <th scope="col">Created</th>
              <th scope="col">Last used</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {tokens.map((t) => (
              <tr>
                <td>{t.name}</td>
                <td>{t.scopes.join(", ")}</td>
                <td>{t.createdAt.toISOString().slice(0, 10)}</td>
                <td>{t.lastUsedAt?.toISOString().slice(0, 16).replace("T", " ") ?? "never"}</td>
                <td>
                  {t.revokedAt ? (
                    "revoked"
                  ) : (
                    <form method="post" action={`/account/tokens/${t.id}/revoke`}>
                      <CsrfInput token={csrf} />
                      <button type="submit">Revoke</button>
                    </form>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <form method="post" action="/account/tokens" class="stack">
          <CsrfInput token={csrf} />
          <div class="field">
            <label for="token-name">Token name</label>
            <input id="token-name" name="name" required maxlength={100} />
          </div>
          <fieldset>
            <legend>Scopes</legend>
            {API_TOKEN_SCOPES.map((s) => (
              <label>
                <input type="checkbox" name="scopes" value={s} checked={s === "changes:write"} /> {s}
              </label>
            ))}
          </fieldset>
          <button type="submit">Create token</button>
        </form>
        <h2 id="password">Change your password</h2>
        <p>Every session of yours ends afterwards, this one too: sign in again with the new password.</p>
        <ErrorSummary message={passwordError?.message} issues={passwordError?.issues} />
        <form method="post" action="/account/password" class="stack">
          <CsrfInput token={csrf} />
          <div class="field">
            <label for="current">Current password</label>
            <input id="current" type="password" name="current" autocomplete="current-password" required />
          </div>
          <div class="field">
            <label for="new-password">New password</label>
            <span class="hint" id="new-password-hint">
              At least 12 characters; a passphrase of several words works well.
            </span>
            <input
              id="new-password"
              type="password"
              name="password"
              autocomplete="new-password"
              minlength={12}
              required
              aria-describedby="new-password-hint"
            />
          </div>
          <button type="submit">Change password</button>
        </form>
      </Layout>,
      created ? 201 : passwordError ? 400 : 200,
    );
  };
  app.get("/", (c) => overview(c));
  app.post("/logout", async (c) => {
    const principal = currentPrincipal(c);
    if (principal?.kind === "session") await deleteAuthSession(deps.db, principal.sessionHash);
    deleteCookie(c, SESSION_COOKIE, { path: "/" });
    return c.redirect("/login", 303);
  });
  app.post("/logout-everywhere", async (c) => {
    const principal = requirePermission(c, "edit");
    await deleteUserAuthSessions(deps.db, principal.user.id);
    await revokeUserApiTokens(deps.db, { userId: principal.user.id, now: deps.now() });
    deleteCookie(c, SESSION_COOKIE, { path: "/" });
    return c.redirect("/login", 303);
  });
  app.post("/tokens", async (c) => {
    const principal = requirePermission(c, "edit");
    const body = await c.req.parseBody({ all: true });
    const name = String(body["name"] ?? "").trim();
    const scopes = [body["scopes"] ?? []]
      .flat()
      .map(String)
      .filter((s): s is ApiTokenScope => (API_TOKEN_SCOPES as readonly string[]).includes(s));
    if (!name || scopes.length === 0) throw new InvalidInputError("give the token a name and at least one scope");
    const { secret } = await insertApiToken(deps.db, {
      userId: principal.user.id,
      name: name.slice(0, 100),
      scopes,
      now: deps.now(),
    });
    return overview(c, secret);
  });
  app.post("/tokens/:id{[0-9]+}/revoke", async (c) => {
    const principal = requirePermission(c, "edit");
    await revokeApiToken(deps.db, { userId: principal.user.id, tokenId: Number(c.req.param("id")), now: deps.now() });
    return c.redirect("/account", 303);
  });
  app.post("/password", async (c) => {
    const principal = requirePermission(c, "edit");
    if (principal.kind !== "session")
      throw new InvalidInputError("change a password from a signed-in browser, not with an API token");
    const body = await c.req.parseBody();
    try {
      await changeOwnPassword(deps, {
        userId: principal.user.id,
        currentPassword: String(body["current"] ?? ""),
        newPassword: String(body["password"] ?? ""),
      });
    } catch (error) {
      if (!(error instanceof InvalidInputError)) throw error;
      return overview(c, undefined, error);
    }
    deleteCookie(c, SESSION_COOKIE, { path: "/" });
    return c.redirect("/login?changed=1", 303);
  });
  app.get("/set-password", (c) =>
    c.html(<SetPasswordPage csrf={csrfTokenFor(c, deps)} token={c.req.query("token") ?? ""} />),
  );
  app.post("/set-password", async (c) => {
    const body = await c.req.parseBody();
    const token = String(body["token"] ?? "");
    try {
      await setPasswordWithToken(deps, { token, password: String(body["password"] ?? "") });
    } catch (error) {
      if (!(error instanceof InvalidInputError)) throw error;
      return c.html(
        <SetPasswordPage csrf={csrfTokenFor(c, deps)} token={token} error={error.message} issues={error.issues} />,
        400,
      );
    }
    return c.redirect("/login?next=/editor", 303);
  });
  app.get("/reset", (c) =>
    c.html(
      <Layout title="Reset your password">
        <h1>Reset your password</h1>
        {c.req.query("sent") ? (
          <p role="status" class="notice">
            If an account uses that address, a link to reset its password is on its way. It works for one hour.
          </p>
        ) : null}
        <form method="post" action="/account/reset" class="stack">
          <CsrfInput token={csrfTokenFor(c, deps)} />
          <div class="field">
            <label for="email">Email</label>
            <input id="email" type="email" name="email" autocomplete="username" required />
          </div>
          <button type="submit">Email me a reset link</button>
        </form>
      </Layout>,
    ),
  );
  app.post("/reset", async (c) => {
    const body = await c.req.parseBody();
    await requestPasswordReset(deps, {
      email: String(body["email"] ?? ""),
      clientKey: clientKey(c, deps),
      baseUrl: baseUrlOf(deps),
    });
    return c.redirect("/account/reset?sent=1", 303);
  });
  return app;
}
