// The server-rendered site: every section from routes.ts, static files, and HTML error pages.
import { Hono } from "hono";
import type { Context } from "hono";
import { mapError } from "../http/errors.js";
import type { AppDeps } from "../http/deps.js";
import { Layout } from "./layout.js";
import { shareImagePages } from "./og/share-image-pages.js";
import { WEB_SECTIONS, type SiteOptions } from "./routes.js";

export function createWebApp(deps: AppDeps, site: SiteOptions): Hono {
  const web = new Hono();
  for (const section of WEB_SECTIONS) web.route(section.path, section.create(deps, site));
  // Share-preview images (PNG) for vote, State and norm pages.
  web.route("/og", shareImagePages(deps));
  return web;
}

/** An HTML error page with the status the error maps to; details stay in the server log. */
export function renderErrorPage(c: Context, error: unknown): Response | Promise<Response> {
  const { status, body } = mapError(error);
  const title = status === 404 ? "Not found" : status === 400 ? "Bad request" : "Something went wrong";
  return c.html(
    <Layout title={title}>
      <h1>{title}</h1>
      <p>{status === 500 ? "The server could not complete this request. It has been logged." : body.error.message}</p>
      <p>
        <a href="/">Back to the home page</a>
      </p>
    </Layout>,
    status,
  );
}
