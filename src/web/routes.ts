// Every section of the server-rendered site and the path it is mounted at (one line each).
import type { Hono } from "hono";
import type { AppDeps } from "../http/deps.js";
import { statesPages } from "./pages/states.js";
import { apiDocsPages, type ApiReference } from "./pages/api-docs.js";
import { aboutPages } from "./pages/about.js";
import { homePages } from "./pages/home.js";
import { organizationsPages } from "./pages/organizations.js";
import { normsPages } from "./pages/norms.js";
import { implementationPages } from "./pages/implementation.js";
import { editorCandidatesPages } from "./pages/editor-candidates.js";
import { instrumentsPages } from "./pages/instruments.js";
import { rubricPages } from "./pages/rubric.js";
import { capacityBuildingPages } from "./pages/capacity-building.js";
import { comparePages } from "./pages/compare.js";
import { sessionsPages } from "./pages/sessions.js";
import { resolutionsPages } from "./pages/resolutions.js";
import { processesPages } from "./pages/processes.js";
import { loginPages } from "./pages/login.js";
import { accountPages } from "./pages/account.js";
import { accountUsersPages } from "./pages/account-users.js";
import { editorPages } from "./pages/editor.js";
import { editorDocumentsPages } from "./pages/editor-documents.js";
import { historyPages } from "./pages/history.js";
import { correctionsPages, correctionsQueuePages } from "./pages/corrections.js";
import { votesPages } from "./pages/votes.js";
import { stateVotesPages } from "./pages/votes-state.js";
import { alignmentPages } from "./pages/alignment.js";
import { documentsPages } from "./pages/documents.js";
import { searchPages } from "./pages/search.js";
import { calendarPages } from "./pages/calendar.js";
import { feedsPages } from "./pages/feeds.js";
import { participationPages } from "./pages/participation.js";
import { updatesPages } from "./pages/updates.js";
import { subscribePages, unsubscribePages } from "./pages/subscribe.js";
import { preferencesPages } from "./pages/subscribe-preferences.js";
import { followPages } from "./pages/follow.js";
import { digestPages } from "./pages/digest.js";
import { editorDigestPages } from "./pages/editor-digest.js";
import { internationalLawPages } from "./pages/international-law.js";
import { treatiesPages } from "./pages/treaties.js";
import { normStateFinderPages, stateNormPages } from "./pages/state-norm.js";

/** What the site is given besides the app's deps: links into the API that server.ts wires. */
export interface SiteOptions {
  apiReference: ApiReference;
}

export const WEB_SECTIONS: { path: string; create: (deps: AppDeps, site: SiteOptions) => Hono }[] = [
  { path: "/states", create: statesPages },
  { path: "/login", create: loginPages },
  { path: "/account/users", create: accountUsersPages },
  { path: "/account", create: accountPages },
  { path: "/editor/documents", create: editorDocumentsPages },
  { path: "/editor", create: editorPages },
  { path: "/editor/corrections", create: correctionsQueuePages },
  { path: "/history", create: historyPages },
  { path: "/corrections", create: correctionsPages },
  { path: "/processes", create: processesPages },
  { path: "/resolutions", create: resolutionsPages },
  { path: "/sessions", create: sessionsPages },
  { path: "/norms", create: normsPages },
  { path: "/implementation", create: implementationPages },
  { path: "/international-law", create: internationalLawPages },
  { path: "/treaties", create: treatiesPages },
  { path: "/editor/candidates", create: editorCandidatesPages },
  { path: "/instruments", create: instrumentsPages },
  { path: "/rubric", create: rubricPages },
  { path: "/capacity-building", create: capacityBuildingPages },
  { path: "/compare", create: comparePages },
  { path: "/organizations", create: organizationsPages },
  { path: "/votes", create: votesPages },
  { path: "/states", create: stateVotesPages },
  { path: "/states", create: stateNormPages },
  { path: "/norms", create: normStateFinderPages },
  { path: "/alignment", create: alignmentPages },
  { path: "/documents", create: documentsPages },
  { path: "/search", create: searchPages },
  { path: "/", create: homePages },
  { path: "/about", create: aboutPages },
  { path: "/api/docs", create: apiDocsPages },
  { path: "/calendar", create: calendarPages },
  { path: "/feeds", create: feedsPages },
  { path: "/participation", create: participationPages },
  { path: "/updates", create: updatesPages },
  { path: "/subscribe", create: subscribePages },
  { path: "/subscribe/preferences", create: preferencesPages },
  { path: "/unsubscribe", create: unsubscribePages },
  { path: "/follow", create: followPages },
  { path: "/digest", create: digestPages },
  { path: "/editor/digest", create: editorDigestPages },
];
