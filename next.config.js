// @ts-check

// Next.js inlines small scripts and styles, hence 'unsafe-inline'; nothing loads from another origin.
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-inline'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

const SECURITY_HEADERS = [
  { key: "Content-Security-Policy", value: CONTENT_SECURITY_POLICY },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  async headers() {
    return [{ source: "/:path*", headers: SECURITY_HEADERS }];
  },
  // PGlite ships wasm and data files that must be loaded from node_modules at run time: bundling it
  // breaks webpack and makes Turbopack publish its wasm under .next/static.
  serverExternalPackages: ["@electric-sql/pglite", "pg", "bcryptjs", "exceljs", "pdfkit"],
  poweredByHeader: false,
  reactStrictMode: true,
  // Playwright builds into its own folder so that a running dev server keeps its build.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // The bench builds into .next-bench with NEXT_TSCONFIG_PATH=tsconfig.bench.json: a tsconfig that extends
  // this one, which Next then leaves as it is, instead of adding .next-bench to tsconfig.json's include.
  typescript: { tsconfigPath: process.env.NEXT_TSCONFIG_PATH || "tsconfig.json" },
};

module.exports = nextConfig;
