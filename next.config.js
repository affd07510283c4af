// @ts-check

/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite ships wasm and data files that must be loaded from node_modules at run time: bundling it
  // breaks webpack and makes Turbopack publish its wasm under .next/static.
  serverExternalPackages: ["@electric-sql/pglite", "pg", "bcryptjs"],
  poweredByHeader: false,
  reactStrictMode: true,
  // Playwright builds into its own folder so that a running dev server keeps its build.
  distDir: process.env.NEXT_DIST_DIR || ".next",
};

module.exports = nextConfig;
