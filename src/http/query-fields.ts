// The one rule for optional query and form fields: an empty field (a form submitted with nothing chosen) means absent.
import { z } from "@hono/zod-openapi";

/** Matches "" and gives undefined; use as `schema.optional().or(blank)`. */
export const blank = z.literal("").transform(() => undefined);
