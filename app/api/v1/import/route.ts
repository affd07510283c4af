import { db } from "@/db/client";
import { route, auditActor } from "@/lib/auth/guard";
import { todayIso } from "@/lib/clock";
import { commitImport } from "@/lib/import/commit";
import { readImportFile } from "@/lib/import/request";
import { validateImport } from "@/lib/import/validate";

export const dynamic = "force-dynamic";

/**
 * Bulk import of processors and transfers (layout: lib/import/columns.ts). `?dryRun=true` (the default)
 * reports every problem by sheet, row and column and what a commit would do; `?dryRun=false` commits all or
 * nothing: 200 with the counts, or 422 listing every problem.
 */
export const POST = route({ roles: ["dpo", "engineer"] }, async ({ request, actor }) => {
  const { rows, dryRun } = await readImportFile(request);
  if (dryRun) return Response.json(await validateImport(rows, db(), auditActor(actor!)));
  const result = await commitImport({ db: db(), actor: auditActor(actor!), file: rows, today: todayIso() });
  return Response.json(result);
});
