// Starts the production server on PORT (default 3000) and HOST (default 127.0.0.1 in demo mode, else every
// interface) with the environment defaults of runtime-env.mjs.
import { spawn } from "node:child_process";
import { nextStartArgs, startLine, withRuntimeDefaults } from "./runtime-env.mjs";

let env;
try {
  env = withRuntimeDefaults();
} catch (error) {
  console.error(`[start] ${error.message}`);
  process.exit(1);
}
console.log(startLine(env));
const child = spawn("npx", ["next", ...nextStartArgs(env)], { stdio: "inherit", env });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
