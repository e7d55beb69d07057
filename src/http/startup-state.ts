// How far this process got with its start-up work (the bundled-data seed), for /readyz and /metrics.
import type { SeedProgress } from "../ingest/seed.js";

export interface StartupState {
  /** Bundled datasets imported or found up to date so far, of `total`; `finished` once the seed returned. */
  seed: { done: number; total: number; finished: boolean };
}

export interface StartupTracker {
  state: StartupState;
  /** Pass to seedDatabase's onProgress (beside the log). */
  onSeedProgress: SeedProgress;
  seedFinished(): void;
}

export function trackStartup(): StartupTracker {
  const state: StartupState = { seed: { done: 0, total: 0, finished: false } };
  return {
    state,
    onSeedProgress(event) {
      state.seed.total = event.total;
      if (event.phase !== "start") state.seed.done = Math.max(state.seed.done, event.index + 1);
    },
    seedFinished() {
      state.seed.finished = true;
      state.seed.done = state.seed.total;
    },
  };
}

/** For an app built over a database that is already migrated and seeded (tests, `createApp` without a tracker). */
export const ALREADY_STARTED: StartupState = { seed: { done: 0, total: 0, finished: true } };
