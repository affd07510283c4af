"use server";

import { revalidatePath } from "next/cache";
import { db } from "@/db/client";
import { action, auditActor, type Actor } from "@/lib/auth/guard";
import { todayIso } from "@/lib/clock";
import { checkUploadedImport, commitUploadedImport, type ImportOutcome } from "./import-file";

const IMPORTERS = ["dpo", "engineer"] as const;

/** The dry run of an uploaded file. */
export const checkImportFile = action({ roles: IMPORTERS }, async ({ actor, input }: { actor: Actor; input: FormData }) => checkUploadedImport({ db: db(), actor: auditActor(actor), form: input }));

/** The commit of an uploaded file: all rows or none. */
export const importFile = action({ roles: IMPORTERS }, async ({ actor, input }: { actor: Actor; input: FormData }): Promise<ImportOutcome> => {
  const outcome = await commitUploadedImport({ db: db(), actor: auditActor(actor), form: input, today: todayIso() });
  if (outcome.ok) revalidatePath("/", "layout");
  return outcome;
});
