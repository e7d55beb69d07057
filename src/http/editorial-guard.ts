// Mounted once in createApp before every route: loads the principal, refuses any write from the anonymous
// public except the few public forms listed here (deny by default), then checks CSRF on every write.
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

function denyAnonymousWrites(): MiddlewareHandler {
  return async (c, next) => {
    if (isWriteMethod(c.req.method) && !currentPrincipal(c) && !PUBLIC_WRITE_PATHS.includes(c.req.path)) {
      throw new HTTPException(401, { message: "sign in first: only editors can change records" });
    }
    await next();
  };
}

export function editorialGuard(deps: AppDeps): MiddlewareHandler {
  return every(loadPrincipal(deps), denyAnonymousWrites(), csrfProtection(deps));
}
