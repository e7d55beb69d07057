// Page parameters and the list envelope every list endpoint returns.
import { z } from "@hono/zod-openapi";

export const PaginationQuery = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1).openapi({ description: "1-based page number" }),
  per_page: z.coerce.number().int().min(1).max(500).default(50).openapi({ description: "items per page (max 500)" }),
});

export interface Page {
  limit: number;
  offset: number;
}

export function toPage(query: { page: number; per_page: number }): Page {
  return { limit: query.per_page, offset: (query.page - 1) * query.per_page };
}

export function listEnvelope<T extends z.ZodType>(item: T, name: string) {
  return z
    .object({
      data: z.array(item),
      meta: z.object({ total: z.number().int(), page: z.number().int(), per_page: z.number().int() }),
    })
    .openapi(name);
}

export function paginated<T>(data: T[], total: number, query: { page: number; per_page: number }) {
  return { data, meta: { total, page: query.page, per_page: query.per_page } };
}
