// Test runner settings: unit, database, API and browser tests all run under `npm test`.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.{ts,tsx}", "test/**/*.test.{ts,tsx}"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Two cores: PGlite and Chromium are CPU-heavy, so keep the pool small.
    maxWorkers: 2,
    reporters: ["default"],
  },
});
