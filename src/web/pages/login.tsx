// The sign-in page for editors: password login with per-address rate limit and per-account lockout.
import { Hono, type Context } from "hono";
import { setCookie } from "hono/cookie";
import { LoginRefused, logIn } from "../../http/auth-flows.js";
import { clientKey, currentPrincipal, isSecureRequest, SESSION_COOKIE } from "../../http/auth.js";
import { csrfTokenFor } from "../../http/csrf.js";
import type { AppDeps } from "../../http/deps.js";
import { CsrfInput, ErrorSummary } from "../components/forms.js";
import { Layout } from "../layout.js";

const SAME_SITE = "http://normwatch.invalid";

/**
 * Only a path on this site, after the normalisation a browser applies (it drops tabs and newlines, reads "\\" as
 * "/"), so "/%09/evil.example" cannot become "//evil.example"; anything else goes to the editor desk.
 */
export function safeNext(next: unknown): string {
  if (typeof next !== "string" || !next.startsWith("/") || /[\u0000-\u0020\u007f\\]/.test(next)) return "/editor";
  let url: URL;
  try {
    url = new URL(next, SAME_SITE);
  } catch {
    return "/editor";
  }
  const path = `${url.pathname}${url.search}${url.hash}`;
  return url.origin === SAME_SITE && !path.startsWith("//") ? path : "/editor";
}

function LoginPage(props: { csrf: string; next: string; email?: string; error?: string; notice?: string }) {
  return (
    <Layout title="Sign in" path="/login">
      <h1>Sign in</h1>
      <p>For editors of this observatory. Everyone else can read every published record without an account.</p>
      {props.notice ? (
        <p role="status" class="notice">
          {props.notice}
        </p>
      ) : null}
      <ErrorSummary message={props.error} />
      <form method="post" action="/login" class="stack">
        <CsrfInput token={props.csrf} />
        <input type="hidden" name="next" value={props.next} />
        <div class="field">
          <label for="email">Email</label>
          <input id="email" type="email" name="email" autocomplete="username" required value={props.email ?? ""} />
        </div>
        <div class="field">
          <label for="password">Password</label>
          <input id="password" type="password" name="password" autocomplete="current-password" required />
        </div>
        <button type="submit">Sign in</button>
      </form>
      <p>
        <a href="/account/reset">Forgot your password?</a>
      </p>
    </Layout>
  );
}

export function loginPages(deps: AppDeps) {
  const app = new Hono();
  app.get("/", (c) => {
    if (currentPrincipal(c)) return c.redirect(safeNext(c.req.query("next")), 303);
    const notice = c.req.query("changed")
      ? "Your password was changed and every session ended: sign in with the new one."
      : undefined;
    return c.html(<LoginPage csrf={csrfTokenFor(c, deps)} next={safeNext(c.req.query("next"))} notice={notice} />);
  });
  app.post("/", async (c) => {
    const body = await c.req.parseBody();
    const email = String(body["email"] ?? "");
    const next = safeNext(body["next"]);
    try {
      const session = await logIn(deps, {
        email,
        password: String(body["password"] ?? ""),
        clientKey: clientKey(c, deps),
      });
      setSessionCookie(c, deps, session.token, session.expiresAt);
      return c.redirect(next, 303);
    } catch (error) {
      if (!(error instanceof LoginRefused)) throw error;
      return c.html(
        <LoginPage csrf={csrfTokenFor(c, deps)} next={next} email={email} error={error.message} />,
        error.status,
      );
    }
  });
  return app;
}

/**
 * A relative lifetime (Max-Age, no Expires): the browser counts it on its own clock, so a server clock that is
 * wrong, or a test clock in the past, never makes the browser drop the cookie. The server checks the session's
 * expiry itself, on the app's clock.
 */
export function setSessionCookie(c: Context, deps: AppDeps, token: string, expiresAt: Date): void {
  const maxAge = Math.max(0, Math.floor((expiresAt.getTime() - deps.now().getTime()) / 1000));
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    secure: isSecureRequest(c, deps),
    sameSite: "Lax",
    path: "/",
    maxAge,
  });
}
