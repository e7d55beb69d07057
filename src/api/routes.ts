// Every resource of the JSON API and the path it is mounted at (one line each).
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppDeps } from "../db/context.js";
import { statesApi } from "./states.js";

export const API_RESOURCES: { path: string; create: (deps: AppDeps) => OpenAPIHono }[] = [
  { path: "/states", create: statesApi },
];
