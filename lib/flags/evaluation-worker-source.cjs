// The evaluation worker run from its TypeScript source (tsx scripts, vitest). A worker thread does not
// inherit its parent's module loader, and Node 20 takes no --import in a worker's execArgv: register tsx here.
require("tsx/cjs/api").register();
require("./evaluation-worker.ts");
