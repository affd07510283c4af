import { route } from "@/lib/auth/guard";
import { parseQuery } from "@/lib/api/params";
import { AppError } from "@/lib/errors";
import { XLSX_MEDIA_TYPE, templateQuery } from "@/lib/import/request";
import { buildTemplateCsv, buildTemplateXlsx } from "@/lib/import/template";

export const dynamic = "force-dynamic";

/** The import template: `?format=xlsx` (both sheets and a "Read me"), or `?format=csv&kind=processors|transfers`. */
export const GET = route({ roles: ["dpo", "engineer"] }, async ({ request }) => {
  const { format, kind } = parseQuery(templateQuery, request);
  if (format === "csv") {
    if (!kind) throw new AppError("validation_failed", "kind: is required for a CSV template", { fields: [{ path: "kind", message: "is required for format=csv" }] });
    return new Response(buildTemplateCsv(kind), {
      headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="import-${kind}.csv"` },
    });
  }
  return new Response(new Uint8Array(await buildTemplateXlsx()), {
    headers: { "content-type": XLSX_MEDIA_TYPE, "content-disposition": `attachment; filename="import-template.xlsx"` },
  });
});
