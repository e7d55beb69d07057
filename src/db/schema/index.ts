// The whole database schema, one module per table group; drizzle-kit reads this file.
export * from "./enums.js";
export * from "./sources.js";
export * from "./reference.js";
export * from "./processes.js";
export * from "./imports.js";
export * from "./votes.js";
export * from "./accounts.js";
export * from "./editorial.js";
export * from "./documents.js";
export * from "./participation.js";
export * from "./implementation.js";
export * from "./newsletter.js";
export * from "./international-law.js";
export * from "./data-version.js";
