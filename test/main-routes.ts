// The site's main public routes: every navigation item plus a representative detail page of each kind. The phone
// overflow test and the page-weight test walk this list (issue 17).
import { NAV_ITEMS } from "../src/web/layout.js";

export const DETAIL_ROUTES = [
  "/",
  "/states/FRA",
  "/states/FRA/votes",
  "/norms/13c",
  "/states/FRA/norms/13c",
  "/votes/A/RES/74/247",
  "/processes/oewg-2019-2021",
  "/sessions/oewg-2019-2021-oewg-organizational-session",
  "/resolutions/A/RES/74/247",
  "/documents/A/RES/79/243",
  "/organizations/OSCE",
  "/treaties/coe-ets-185",
  "/about/data",
  "/compare?states=FRA,DEU,BRA",
  "/instruments",
  "/rubric",
  "/subscribe",
  "/search?q=France",
];

/** Navigation items and detail pages, each once. */
export const MAIN_ROUTES: string[] = [...new Set([...NAV_ITEMS.map((item) => item.href), ...DETAIL_ROUTES])];
