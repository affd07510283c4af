import { route } from "@/lib/auth/guard";
import { commitImport } from "@/lib/import/commit";
import { readImportFile } from "@/lib/import/request";
import { validateImport } from "@/lib/import/validate";

export const dynamic = "force-dynamic";

/**
 * Bulk import of processors and transfers (layout: lib/import/columns.ts). `?dryRun=true` (the default)
 * reports every problem by sheet, row and column and what a commit would do; `?dryRun=false` commits all or
 * nothing: 200 with the counts, or 422 listing every problem.
 */
export const POST = route({ roles: ["dpo", "engineer"] }, async ({ request, ctx }) => {
  const { rows, dryRun } = await readImportFile(request);
  if (dryRun) return Response.json(await validateImport({ ctx, input: { file: rows } }));
  return Response.json(await commitImport({ ctx, input: { file: rows } }));
});
