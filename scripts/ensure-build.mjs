// `npm start` on a fresh clone has no production build yet: make one, so that one command is enough.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const distDir = process.env.NEXT_DIST_DIR || ".next";
if (!fs.existsSync(path.join(distDir, "BUILD_ID"))) {
  console.log(`[start] no production build in ${distDir}: building once (npm run build)…`);
  const result = spawnSync("npx", ["next", "build"], { stdio: "inherit", env: process.env });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
