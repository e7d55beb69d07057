// The API reference as a plain HTML page, generated from the OpenAPI document (no scripts: CSP is 'self' only).
import { Hono } from "hono";
import type { AppDeps } from "../../http/deps.js";
import { Layout } from "../layout.js";

interface OpenApiParameter {
  name: string;
  in: string;
  required?: boolean;
  description?: string;
  schema?: { type?: string; enum?: string[]; default?: unknown; format?: string };
}

interface OpenApiOperation {
  summary?: string;
  description?: string;
  tags?: string[];
  parameters?: OpenApiParameter[];
  responses?: Record<string, { description?: string }>;
}

interface OpenApiDocument {
  info: { title: string; version: string; description?: string };
  paths: Record<string, Record<string, OpenApiOperation>>;
}

/** Where the API serves its OpenAPI document, and the document itself (server.ts wires it from the API app). */
export interface ApiReference {
  path: string;
  document(): Promise<unknown>;
}

export interface ApiOperation extends OpenApiOperation {
  method: string;
  path: string;
}

const METHODS = ["get", "post", "put", "patch", "delete"];

/** Every operation of the document, grouped by its first tag, in document order. */
export function groupOperations(doc: OpenApiDocument): Map<string, ApiOperation[]> {
  const groups = new Map<string, ApiOperation[]>();
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      const tag = op.tags?.[0] ?? "Other";
      groups.set(tag, [...(groups.get(tag) ?? []), { ...op, method, path }]);
    }
  }
  return groups;
}

function typeOf(p: OpenApiParameter): string {
  const s = p.schema;
  if (!s) return "";
  if (s.enum) return s.enum.join(" | ");
  return [s.type, s.format].filter(Boolean).join(", ");
}

const anchorOf = (op: ApiOperation) => `${op.method}-${op.path.replace(/[^a-z0-9]+/gi, "-").replace(/^-|-$/g, "")}`;

export function apiDocsPages(_deps: AppDeps, site: { apiReference: ApiReference }) {
  const app = new Hono();
  const openApiPath = site.apiReference.path;
  let cached: OpenApiDocument | undefined;
  app.get("/", async (c) => {
    // The same document /api/openapi.json serves, built once from the API's own route definitions.
    cached ??= (await site.apiReference.document()) as OpenApiDocument;
    const doc = cached;
    const groups = groupOperations(doc);
    return c.html(
      <Layout
        title="API"
        path="/api/docs"
        description="The Normwatch JSON API: every operation, its parameters and responses"
      >
        <h1>{doc.info.title}</h1>
        {doc.info.description ? <p class="lede">{doc.info.description}</p> : null}
        <p>
          Machine-readable description: <a href={openApiPath}>{openApiPath}</a> (OpenAPI 3.1). Responses are JSON in
          snake_case; lists are paginated with <code>page</code> and <code>per_page</code> and return{" "}
          <code>{"{ data, meta: { total, page, per_page } }"}</code>; errors share one shape,{" "}
          <code>{"{ error: { code, message, details? } }"}</code>, with 400 for bad parameters and 404 for unknown ids.
        </p>
        <nav aria-label="API resources">
          <ul>
            {[...groups.keys()].map((tag) => (
              <li>
                <a href={`#tag-${tag.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`}>{tag}</a>
              </li>
            ))}
          </ul>
        </nav>
        {[...groups.entries()].map(([tag, ops]) => (
          <section
            id={`tag-${tag.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`}
            aria-labelledby={`tag-${tag.toLowerCase().replace(/[^a-z0-9]+/g, "-")}-heading`}
          >
            <h2 id={`tag-${tag.toLowerCase().replace(/[^a-z0-9]+/g, "-")}-heading`}>{tag}</h2>
            {ops.map((op) => (
              <article class="api-operation" id={anchorOf(op)}>
                <h3>
                  <code class="method">{op.method.toUpperCase()}</code>
                  <code>{op.path}</code>
                </h3>
                {op.summary ? <p>{op.summary}</p> : null}
                {op.description ? <p class="meta">{op.description}</p> : null}
                {op.parameters?.length ? (
                  <table class="data">
                    <caption class="visually-hidden">
                      Parameters of {op.method.toUpperCase()} {op.path}
                    </caption>
                    <thead>
                      <tr>
                        <th scope="col">Parameter</th>
                        <th scope="col">In</th>
                        <th scope="col">Type</th>
                        <th scope="col">Required</th>
                        <th scope="col">Description</th>
                      </tr>
                    </thead>
                    <tbody>
                      {op.parameters.map((p) => (
                        <tr>
                          <th scope="row">
                            <code>{p.name}</code>
                          </th>
                          <td>{p.in}</td>
                          <td>{typeOf(p)}</td>
                          <td>{p.required ? "yes" : "no"}</td>
                          <td>
                            {p.description ?? ""}
                            {p.schema?.default !== undefined ? ` (default ${String(p.schema.default)})` : ""}
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                ) : null}
                <p class="meta">
                  Responses:{" "}
                  {Object.entries(op.responses ?? {})
                    .map(([code, r]) => `${code} ${r.description ?? ""}`.trim())
                    .join("; ")}
                </p>
              </article>
            ))}
          </section>
        ))}
      </Layout>,
    );
  });
  return app;
}
