// @ts-check
const createNextIntlPlugin = require("next-intl/plugin");

// The UI's language per request, without a locale in the URL (lib/i18n/request.ts).
const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

// Pages get their Content-Security-Policy from proxy.ts, with a fresh script nonce per response (lib/auth/csp.ts).
// The API answers JSON and files, never a page: nothing in them may load or run anything, nor be framed.
const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
// Except next-auth's own fallback pages under /api/auth (the sign-out confirmation, the error page): a form
// posting to the same origin and an inline stylesheet, still no script.
const AUTH_CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

const SECURITY_HEADERS = [
  { key: "X-Frame-Options", value: "DENY" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  async headers() {
    return [
      { source: "/:path*", headers: SECURITY_HEADERS },
      { source: "/api/:path((?!auth/).*)", headers: [{ key: "Content-Security-Policy", value: API_CONTENT_SECURITY_POLICY }] },
      { source: "/api/auth/:path*", headers: [{ key: "Content-Security-Policy", value: AUTH_CONTENT_SECURITY_POLICY }] },
    ];
  },
  // PGlite ships wasm and data files that must be loaded from node_modules at run time: bundling it
  // breaks webpack and makes Turbopack publish its wasm under .next/static.
  serverExternalPackages: ["@electric-sql/pglite", "pg", "bcryptjs", "exceljs", "pdfkit", "fontkit"],
  poweredByHeader: false,
  // Next loads every route's chunk at start by default: 19 API routes each carry a copy of one 2.4 MB server
  // chunk, 86 MB of the 171 MB live heap at idle (issue 14's import attack). Each route loads on first use instead.
  experimental: { preloadEntriesOnStart: false },
  reactStrictMode: true,
  // Playwright builds into its own folder so that a running dev server keeps its build.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // The bench builds into .next-bench with NEXT_TSCONFIG_PATH=tsconfig.bench.json: a tsconfig that extends
  // this one, which Next then leaves as it is, instead of adding .next-bench to tsconfig.json's include.
  typescript: { tsconfigPath: process.env.NEXT_TSCONFIG_PATH || "tsconfig.json" },
};

module.exports = withNextIntl(nextConfig);
