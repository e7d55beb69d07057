// What request handlers are given: the database handle and the clock (never read directly).
import type { Db, DriverName } from "./client.js";

export interface AppDeps {
  db: Db;
  driver: DriverName;
  now: () => Date;
}
