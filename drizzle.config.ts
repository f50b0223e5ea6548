import { defineConfig } from "drizzle-kit";

// Migrations are generated and committed; CI and `npm start` only apply them (never `push`).
export default defineConfig({
  dialect: "turso",
  schema: "./db/schema/index.ts",
  out: "./db/migrations",
  dbCredentials: { url: "file:.data/redmatrix.db" },
  tablesFilter: ["!*_shadow", "!libsql_*"],
});
