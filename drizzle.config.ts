import { defineConfig } from "drizzle-kit";

// One schema and one set of migrations serve PGlite and PostgreSQL alike.
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema/index.ts",
  out: "./db/migrations",
  strict: true,
});
