// Every resource of the JSON API and the path it is mounted at (one line each).
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppDeps } from "../http/deps.js";
import { statesApi } from "./states.js";
import { changesApi } from "./changes.js";
import { historyApi } from "./editorial.js";
import { processesApi } from "./processes.js";
import { sessionsApi } from "./sessions.js";
import { resolutionsApi } from "./resolutions.js";
import { frameworkItemsApi, frameworksApi } from "./frameworks.js";
import { organizationsApi } from "./organizations.js";
import { votesApi } from "./votes.js";
import { alignmentApi } from "./alignment.js";
import { documentsApi, searchApi } from "./documents.js";
import { evidenceApi } from "./evidence.js";
import { implementationApi } from "./implementation.js";
import { accreditationsApi, calendarApi, deadlinesApi, stakeholderActionsApi, updatesApi } from "./participation.js";
import { assessmentsApi, instrumentsApi, rubricsApi } from "./instruments.js";
import { programmesApi } from "./programmes.js";
import { digestApi } from "./digest.js";
import { legalPositionsApi, treatiesApi } from "./international-law.js";
import { findApi } from "./find.js";
import { dumpApi } from "./dump.js";

export const API_RESOURCES: { path: string; create: (deps: AppDeps) => OpenAPIHono }[] = [
  { path: "/states", create: statesApi },
  { path: "/changes", create: changesApi },
  { path: "/history", create: historyApi },
  { path: "/processes", create: processesApi },
  { path: "/sessions", create: sessionsApi },
  { path: "/resolutions", create: resolutionsApi },
  { path: "/frameworks", create: frameworksApi },
  { path: "/framework-items", create: frameworkItemsApi },
  { path: "/organizations", create: organizationsApi },
  { path: "/votes", create: votesApi },
  { path: "/alignment", create: alignmentApi },
  { path: "/documents", create: documentsApi },
  { path: "/search", create: searchApi },
  { path: "/find", create: findApi },
  { path: "/deadlines", create: deadlinesApi },
  { path: "/accreditations", create: accreditationsApi },
  { path: "/stakeholder-actions", create: stakeholderActionsApi },
  { path: "/updates", create: updatesApi },
  { path: "/calendar", create: calendarApi },
  { path: "/instruments", create: instrumentsApi },
  { path: "/assessments", create: assessmentsApi },
  { path: "/rubrics", create: rubricsApi },
  { path: "/programmes", create: programmesApi },
  { path: "/evidence", create: evidenceApi },
  { path: "/implementation", create: implementationApi },
  { path: "/digest", create: digestApi },
  { path: "/legal-positions", create: legalPositionsApi },
  { path: "/treaties", create: treatiesApi },
  { path: "/dump", create: dumpApi },
];
