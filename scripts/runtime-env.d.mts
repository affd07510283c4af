// Types of runtime-env.mjs (plain JavaScript, run by `npm start` before any TypeScript), for the tests that import it.
type Env = Record<string, string | undefined>;

export function withRuntimeDefaults(env?: Env): Env & { PORT: string; HOST: string; NEXTAUTH_URL: string; NEXTAUTH_SECRET: string };
export function withHeapLimit(nodeOptions?: string): string;
export function isDemoMode(env?: Env): boolean;
export const ALL_INTERFACES: "0.0.0.0";
export function listenHost(env?: Env): string;
export function nextStartArgs(env: { PORT: string; HOST: string }): string[];
export function startLine(env: Env & { PORT: string; HOST: string; NEXTAUTH_URL: string }): string;
