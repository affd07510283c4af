import { ALL_ROLES, route } from "@/lib/auth/guard";
import { isExportReport, EXPORT_REPORTS } from "@/lib/exports/request";
import { exportJsonSchema } from "@/lib/exports/schemas";
import { AppError } from "@/lib/errors";

export const runtime = "nodejs";

/** GET /api/v1/exports/{report}/schema: the JSON Schema of the report's JSON export (lib/exports/schemas.ts). */
export const GET = route<{ report: string }>({ roles: ALL_ROLES }, async ({ params }) => {
  if (!isExportReport(params.report)) {
    throw new AppError("not_found", `There is no export named "${params.report}"; available: ${EXPORT_REPORTS.join(", ")}.`);
  }
  return Response.json(exportJsonSchema(params.report), {
    headers: { "content-type": "application/schema+json", "cache-control": "public, max-age=3600" },
  });
});
