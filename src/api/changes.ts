// The write API: propose, edit, submit, approve or reject changes, and restore earlier versions (editors and API tokens).
import { createRoute } from "@hono/zod-openapi";
import type { Context } from "hono";
import {
  getChange,
  insertChange,
  insertRestoreChange,
  listChanges,
  publishChange,
  rejectChange,
  submitChange,
  updateDraftChange,
} from "../db/changes.js";
import type { AppDeps } from "../http/deps.js";
import type { Change } from "../domain/editorial/change.js";
import { diffOfChange } from "../http/change-diff.js";
import { notifyIfCorrection } from "../http/corrections.js";
import { ErrorBodySchema, errorResponses } from "../http/errors.js";
import {
  ChangeCreateBody,
  ChangeIdParam,
  ChangeListQuery,
  ChangeListSchema,
  ChangeSchema,
  ChangeUpdateBody,
  presentChange,
  recordFromJson,
  RestoreBody,
  ReviewBody,
  sourceRefFromJson,
} from "./changes.schemas.js";
import { requirePermission } from "../http/auth.js";
import { createApiRouter } from "./router.js";

const json = (schema: typeof ChangeSchema | typeof ChangeListSchema, description: string) => ({
  description,
  content: { "application/json": { schema } },
});
const authErrors = {
  401: { description: "Not signed in and no API token", content: { "application/json": { schema: ErrorBodySchema } } },
  403: {
    description: "Missing role, scope or CSRF token",
    content: { "application/json": { schema: ErrorBodySchema } },
  },
  409: {
    description: "Not allowed in the change's state (e.g. approving your own change)",
    content: { "application/json": { schema: ErrorBodySchema } },
  },
};
const security: Record<string, string[]>[] = [{ bearerAuth: [] }, { cookieAuth: [] }];
const body = <T extends typeof ChangeCreateBody | typeof ChangeUpdateBody | typeof ReviewBody | typeof RestoreBody>(
  schema: T,
) => ({ body: { content: { "application/json": { schema } }, required: true } });

const routes = {
  list: createRoute({
    method: "get",
    path: "/",
    tags: ["Changes"],
    security,
    summary: "Changes, newest first; filter by status",
    request: { query: ChangeListQuery },
    responses: { 200: json(ChangeListSchema, "Changes"), ...authErrors },
  }),
  create: createRoute({
    method: "post",
    path: "/",
    tags: ["Changes"],
    security,
    summary: "Propose a change (create, update or withdraw a record) with at least one source",
    request: body(ChangeCreateBody),
    responses: {
      201: json(ChangeSchema, "The new change"),
      400: errorResponses[400],
      404: errorResponses[404],
      ...authErrors,
    },
  }),
  restore: createRoute({
    method: "post",
    path: "/restore",
    tags: ["Changes"],
    security,
    summary: "Draft a change that restores a record to the version before or after a history entry",
    request: body(RestoreBody),
    responses: {
      201: json(ChangeSchema, "The new change"),
      400: errorResponses[400],
      404: errorResponses[404],
      ...authErrors,
    },
  }),
  get: createRoute({
    method: "get",
    path: "/{id}",
    tags: ["Changes"],
    security,
    summary: "One change with its diff against the published record",
    request: { params: ChangeIdParam },
    responses: { 200: json(ChangeSchema, "The change"), 404: errorResponses[404], ...authErrors },
  }),
  update: createRoute({
    method: "put",
    path: "/{id}",
    tags: ["Changes"],
    security,
    summary: "Replace a draft's record, sources and summary (its author only)",
    request: { params: ChangeIdParam, ...body(ChangeUpdateBody) },
    responses: {
      200: json(ChangeSchema, "The change"),
      400: errorResponses[400],
      404: errorResponses[404],
      ...authErrors,
    },
  }),
  submit: createRoute({
    method: "post",
    path: "/{id}/submit",
    tags: ["Changes"],
    security,
    summary: "Send a draft to review",
    request: { params: ChangeIdParam },
    responses: { 200: json(ChangeSchema, "The change"), 404: errorResponses[404], ...authErrors },
  }),
  approve: createRoute({
    method: "post",
    path: "/{id}/approve",
    tags: ["Changes"],
    security,
    summary: "Approve and publish a change under review",
    request: { params: ChangeIdParam, ...body(ReviewBody) },
    responses: {
      200: json(ChangeSchema, "The published change"),
      400: errorResponses[400],
      404: errorResponses[404],
      ...authErrors,
    },
  }),
  reject: createRoute({
    method: "post",
    path: "/{id}/reject",
    tags: ["Changes"],
    security,
    summary: "Reject a change under review",
    request: { params: ChangeIdParam, ...body(ReviewBody) },
    responses: { 200: json(ChangeSchema, "The rejected change"), 404: errorResponses[404], ...authErrors },
  }),
};

/** The change as the API presents it, with its diff. */
async function changeWithDiff(deps: AppDeps, change: Change) {
  return presentChange(change, await diffOfChange(deps.db, change));
}

export function changesApi(deps: AppDeps) {
  const app = createApiRouter();
  const reviewerOf = (c: Context) => {
    const p = requirePermission(c, "review");
    return { id: p.user.id, role: p.user.role };
  };
  app.openapi(routes.list, async (c) => {
    requirePermission(c, "edit");
    const { status } = c.req.valid("query");
    const items = await listChanges(deps.db, { statuses: status ? [status] : undefined });
    return c.json({ data: await Promise.all(items.map((ch) => changeWithDiff(deps, ch))) }, 200);
  });
  app.openapi(routes.create, async (c) => {
    const principal = requirePermission(c, "edit");
    const b = c.req.valid("json");
    const change = await insertChange(deps.db, {
      kind: b.record_kind,
      operation: b.operation,
      recordId: b.record_id ?? null,
      record: recordFromJson(b.record),
      sources: b.sources.map(sourceRefFromJson),
      summary: b.summary,
      submit: b.submit,
      authorId: principal.user.id,
      now: deps.now(),
    });
    return c.json(await changeWithDiff(deps, change), 201);
  });
  app.openapi(routes.restore, async (c) => {
    const principal = requirePermission(c, "edit");
    const b = c.req.valid("json");
    const change = await insertRestoreChange(deps.db, {
      entryId: b.history_entry_id,
      version: b.version,
      summary: b.summary,
      authorId: principal.user.id,
      now: deps.now(),
    });
    return c.json(await changeWithDiff(deps, change), 201);
  });
  app.openapi(routes.get, async (c) => {
    requirePermission(c, "edit");
    return c.json(await changeWithDiff(deps, await getChange(deps.db, c.req.valid("param").id)), 200);
  });
  app.openapi(routes.update, async (c) => {
    const principal = requirePermission(c, "edit");
    const b = c.req.valid("json");
    const change = await updateDraftChange(deps.db, {
      changeId: c.req.valid("param").id,
      userId: principal.user.id,
      record: recordFromJson(b.record),
      sources: b.sources.map(sourceRefFromJson),
      summary: b.summary,
      now: deps.now(),
    });
    return c.json(await changeWithDiff(deps, change), 200);
  });
  app.openapi(routes.submit, async (c) => {
    const principal = requirePermission(c, "edit");
    return c.json(
      await changeWithDiff(
        deps,
        await submitChange(deps.db, { changeId: c.req.valid("param").id, userId: principal.user.id, now: deps.now() }),
      ),
      200,
    );
  });
  app.openapi(routes.approve, async (c) => {
    const reviewer = reviewerOf(c);
    const change = await publishChange(deps.db, {
      changeId: c.req.valid("param").id,
      reviewer,
      note: c.req.valid("json").note,
      minEditors: deps.editorial.reviewFourEyesMinEditors,
      now: deps.now(),
    });
    await notifyIfCorrection(deps, change.correctionId, deps.editorial.siteUrl);
    return c.json(await changeWithDiff(deps, change), 200);
  });
  app.openapi(routes.reject, async (c) => {
    const reviewer = reviewerOf(c);
    return c.json(
      await changeWithDiff(
        deps,
        await rejectChange(deps.db, {
          changeId: c.req.valid("param").id,
          reviewer,
          note: c.req.valid("json").note,
          now: deps.now(),
        }),
      ),
      200,
    );
  });
  return app;
}
