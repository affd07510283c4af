import type { Metadata } from "next";
import { ImportForm } from "@/components/import/import-form";
import { requirePageActor } from "@/lib/auth/guard";
import { checkImportFile, importFile } from "./actions";

export const metadata: Metadata = { title: "Import" };
export const dynamic = "force-dynamic";

export default async function ImportPage() {
  await requirePageActor(["dpo", "engineer"]);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">Import entities, processors and transfers</h1>
      <p className="max-w-3xl text-sm text-slate-700">
        Fill the template, check the file, then import it. The import takes every row or none; importing the same file again changes nothing.
        Processors are matched by external id (else by name), transfers by external id. New processors arrive as drafts for the DPO&apos;s review.
      </p>
      <ImportForm check={checkImportFile} commit={importFile} />
    </div>
  );
}
