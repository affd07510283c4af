// Starts the production server on PORT (default 3000) with the environment defaults of runtime-env.mjs.
import { spawn } from "node:child_process";
import { withRuntimeDefaults } from "./runtime-env.mjs";

let env;
try {
  env = withRuntimeDefaults();
} catch (error) {
  console.error(`[start] ${error.message}`);
  process.exit(1);
}
console.log(`[start] http://localhost:${env.PORT} · database: ${env.DATABASE_URL ? "PostgreSQL (DATABASE_URL)" : `embedded PGlite in ${env.PGLITE_DIR || "./data/pglite"}`}`);
const child = spawn("npx", ["next", "start", "-p", env.PORT], { stdio: "inherit", env });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
