// drizzle-kit settings: generates SQL migrations in drizzle/ from the schema in src/db/schema.
import { defineConfig } from "drizzle-kit";

export default defineConfig({
  dialect: "postgresql",
  schema: "./src/db/schema/index.ts",
  out: "./drizzle",
});
