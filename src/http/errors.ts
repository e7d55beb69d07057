// The one JSON error shape of the API, and the one mapper from domain errors to HTTP status codes. Errors are RFC 9457
// problem details (application/problem+json: type, title, status, detail) that keep the older `error` member
// ({code, message, details}), so clients written against either read them.
import { z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { ConflictError, InvalidInputError, NotFoundError } from "../domain/errors.js";

export const ERROR_CODES = [
  "not_found",
  "invalid_input",
  "conflict",
  "unauthorized",
  "forbidden",
  "too_many_requests",
  "method_not_allowed",
  "internal",
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const ErrorBodySchema = z
  .object({
    type: z
      .string()
      .optional()
      .openapi({ description: "RFC 9457: a URI naming the kind of problem (about:blank: the status says it all)" }),
    title: z.string().optional().openapi({ description: "RFC 9457: a short summary of the kind of problem" }),
    status: z.number().int().optional().openapi({ description: "RFC 9457: the HTTP status code" }),
    detail: z
      .string()
      .optional()
      .openapi({ description: "RFC 9457: what went wrong with this request (the same as error.message)" }),
    error: z.object({
      code: z.enum(ERROR_CODES),
      message: z.string(),
      details: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    }),
  })
  .openapi("Error");
export type ErrorBody = z.infer<typeof ErrorBodySchema>;

export interface MappedError {
  status: ContentfulStatusCode;
  body: ErrorBody;
}

const STATUS_CODES: Record<number, ErrorCode> = {
  400: "invalid_input",
  401: "unauthorized",
  403: "forbidden",
  404: "not_found",
  405: "method_not_allowed",
  409: "conflict",
  429: "too_many_requests",
};

export function mapError(error: unknown): MappedError {
  if (error instanceof NotFoundError)
    return { status: 404, body: { error: { code: "not_found", message: error.message } } };
  if (error instanceof InvalidInputError) {
    return {
      status: 400,
      body: {
        error: {
          code: "invalid_input",
          message: error.message,
          details: error.issues.length ? error.issues : undefined,
        },
      },
    };
  }
  if (error instanceof ConflictError)
    return { status: 409, body: { error: { code: "conflict", message: error.message } } };
  if (error instanceof HTTPException) {
    const code = STATUS_CODES[error.status] ?? "internal";
    return { status: error.status, body: { error: { code, message: error.message || code } } };
  }
  // Malformed input that reached a decoder or the database: the client's mistake, whichever handler met it first.
  if (error instanceof URIError)
    return {
      status: 400,
      body: { error: { code: "invalid_input", message: "the address holds malformed percent-encoding" } },
    };
  const sqlState = sqlStateOf(error);
  if (sqlState && TEXT_REFUSED_BY_DATABASE.has(sqlState)) {
    return {
      status: 400,
      body: { error: { code: "invalid_input", message: "text may not hold NUL characters or invalid UTF-8" } },
    };
  }
  // 22003 numeric_value_out_of_range: an id or number from the request larger than its column can hold.
  if (sqlState === "22003")
    return {
      status: 400,
      body: { error: { code: "invalid_input", message: "a number in the request is out of range" } },
    };
  return { status: 500, body: { error: { code: "internal", message: "internal server error" } } };
}

/** SQLSTATEs of text PostgreSQL cannot store: a NUL byte (22021 character_not_in_repertoire, 22P05 in JSON). */
const TEXT_REFUSED_BY_DATABASE = new Set(["22021", "22P05"]);

/** The SQLSTATE of a database error, found through the causes the query builder wraps it in. */
function sqlStateOf(error: unknown): string | undefined {
  for (
    let e: unknown = error, depth = 0;
    e && typeof e === "object" && depth < 5;
    e = (e as { cause?: unknown }).cause, depth++
  ) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return undefined;
}

/** Turns zod issues from request validation into our 400 body. */
export function validationError(issues: { path: PropertyKey[]; message: string }[]): MappedError {
  return {
    status: 400,
    body: {
      error: {
        code: "invalid_input",
        message: "invalid request parameters",
        details: issues.map((i) => ({ path: i.path.map(String).join("."), message: i.message })),
      },
    },
  };
}

const TITLES: Record<ErrorCode, string> = {
  not_found: "Not Found",
  invalid_input: "Bad Request",
  conflict: "Conflict",
  unauthorized: "Unauthorized",
  forbidden: "Forbidden",
  too_many_requests: "Too Many Requests",
  method_not_allowed: "Method Not Allowed",
  internal: "Internal Server Error",
};

/** The RFC 9457 problem document for a mapped error, with the older `error` member kept beside it. */
export function problemDetails(mapped: MappedError): ErrorBody {
  const { code, message } = mapped.body.error;
  return { type: "about:blank", title: TITLES[code], status: mapped.status, detail: message, error: mapped.body.error };
}

export const PROBLEM_CONTENT_TYPE = "application/problem+json";

export function errorResponse(c: Context, mapped: MappedError, headers: Record<string, string> = {}): Response {
  return c.body(JSON.stringify(problemDetails(mapped)), mapped.status, {
    ...headers,
    "content-type": PROBLEM_CONTENT_TYPE,
  });
}

/** Standard error responses for OpenAPI route definitions. */
export const errorResponses = {
  400: { description: "Invalid parameters", content: { [PROBLEM_CONTENT_TYPE]: { schema: ErrorBodySchema } } },
  404: { description: "Not found", content: { [PROBLEM_CONTENT_TYPE]: { schema: ErrorBodySchema } } },
} as const;
