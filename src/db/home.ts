// What the home page shows: processes running today, next and recent sessions, and how many records each section holds.
import type { Process } from "../domain/process.js";
import type { Session } from "../domain/session.js";
import type { Db } from "./client.js";
import { countFrameworkItems } from "./frameworks.js";
import { countProcesses, listProcesses } from "./processes.js";
import { countResolutions } from "./resolutions.js";
import { countSessions, listRecentSessions, listSessions } from "./sessions.js";
import { listStates } from "./states.js";

export interface HomeCounts {
  memberStates: number;
  processes: number;
  sessions: number;
  resolutions: number;
  frameworkItems: number;
}

export interface HomeOverview {
  today: string;
  running: Process[];
  upcoming: Session[];
  recent: Session[];
  counts: HomeCounts;
}

export async function getHomeOverview(
  db: Db,
  today: string,
  options: { upcoming?: number; recent?: number } = {},
): Promise<HomeOverview> {
  const running = await listProcesses(db, { activeOn: today });
  const upcoming = await listSessions(db, { upcomingFrom: today }, { limit: options.upcoming ?? 5, offset: 0 });
  const recent = await listRecentSessions(db, today, options.recent ?? 5);
  const counts: HomeCounts = {
    memberStates: (await listStates(db, { unStatus: "member" }, { limit: 1, offset: 0 })).total,
    processes: await countProcesses(db),
    sessions: await countSessions(db),
    resolutions: await countResolutions(db),
    frameworkItems: await countFrameworkItems(db),
  };
  return { today, running: running.items, upcoming: upcoming.items, recent, counts };
}
