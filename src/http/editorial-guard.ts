// Mounted once in createApp before every route: loads the principal, refuses any write from the anonymous
// public except the few public forms listed here (deny by default), keeps API tokens to the API operations
// their scopes can name, then checks CSRF on every write.
import type { MiddlewareHandler } from "hono";
import { every } from "hono/combine";
import { HTTPException } from "hono/http-exception";
import type { AppDeps } from "./deps.js";
import { currentPrincipal, loadPrincipal } from "./auth.js";
import { csrfProtection, isWriteMethod } from "./csrf.js";

/** The only writes the anonymous public may make (each still needs its CSRF token). Append with care. */
export const PUBLIC_WRITE_PATHS: readonly string[] = [
  "/login",
  "/account/logout",
  "/account/set-password",
  "/account/reset",
  "/corrections",
  "/subscribe",
  "/subscribe/confirm",
  "/subscribe/preferences",
  "/subscribe/preferences/alerts/delete",
  "/unsubscribe",
  "/follow",
];

/**
 * The only writes an API token may make; its scopes then decide which (changes:write drafts, changes:review
 * reviews). Everything else (accounts and tokens, the digest, uploads, rubric versions, every web form) needs a
 * signed-in session, so a leaked token cannot mint a wider one or reach beyond the review workflow.
 */
export const TOKEN_WRITE_PATHS: readonly RegExp[] = [/^\/api\/v1\/changes(\/|$)/];

function limitApiTokens(): MiddlewareHandler {
  return async (c, next) => {
    if (currentPrincipal(c)?.kind === "token") {
      if (!c.req.path.startsWith("/api/"))
        throw new HTTPException(403, { message: "API tokens work on the API (/api/v1) only: sign in to use the site" });
      if (isWriteMethod(c.req.method) && !TOKEN_WRITE_PATHS.some((p) => p.test(c.req.path))) {
        throw new HTTPException(403, { message: "this operation needs a signed-in session, not an API token" });
      }
    }
    await next();
  };
}

function denyAnonymousWrites(): MiddlewareHandler {
  return async (c, next) => {
    if (isWriteMethod(c.req.method) && !currentPrincipal(c) && !PUBLIC_WRITE_PATHS.includes(c.req.path)) {
      throw new HTTPException(401, { message: "sign in first: only editors can change records" });
    }
    await next();
  };
}

export function editorialGuard(deps: AppDeps): MiddlewareHandler {
  return every(loadPrincipal(deps), limitApiTokens(), denyAnonymousWrites(), csrfProtection(deps));
}
