import { route } from "@/lib/auth/guard";
import { commitImport } from "@/lib/import/commit";
import { importLimits, withImportSlot } from "@/lib/import/limits";
import { readImportFile } from "@/lib/import/request";
import { validateImport } from "@/lib/import/validate";

export const dynamic = "force-dynamic";

/**
 * Bulk import of processors and transfers (layout: lib/import/columns.ts). `?dryRun=true` (the default)
 * reports every problem by sheet, row and column and what a commit would do; `?dryRun=false` commits all or
 * nothing: 200 with the counts, or 422 listing every problem. Within the import limits (lib/import/limits.ts):
 * 413 or 422 naming the limit, and 429 with Retry-After while IMPORT_CONCURRENCY imports are running, the
 * slot taken before the body is read.
 */
export const POST = route({ roles: ["dpo", "engineer"] }, async ({ request, ctx }) => {
  const limits = importLimits();
  return withImportSlot(async () => {
    const { rows, dryRun } = await readImportFile(request, limits);
    if (dryRun) return Response.json(await validateImport({ ctx, input: { file: rows } }));
    return Response.json(await commitImport({ ctx, input: { file: rows } }));
  }, limits);
});
