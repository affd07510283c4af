"use server";

import { revalidatePath } from "next/cache";
import { getLocale } from "next-intl/server";
import { appLocale } from "@/components/registers/locale-format";
import { action } from "@/lib/auth/guard";
import type { ServiceContext } from "@/lib/services/context";
import { checkUploadedImport, commitUploadedImport, type ImportOutcome } from "./import-file";

const IMPORTERS = ["dpo", "engineer"] as const;

type UploadInput = { ctx: ServiceContext; input: FormData };

/** The dry run of an uploaded file. */
export const checkImportFile = action({ roles: IMPORTERS }, async ({ ctx, input }: UploadInput) =>
  checkUploadedImport({ ctx, input: { form: input, locale: appLocale(await getLocale()) } }),
);

/** The commit of an uploaded file: all rows or none. */
export const importFile = action({ roles: IMPORTERS }, async ({ ctx, input }: UploadInput): Promise<ImportOutcome> => {
  const outcome = await commitUploadedImport({ ctx, input: { form: input, locale: appLocale(await getLocale()) } });
  if (outcome.ok) revalidatePath("/", "layout");
  return outcome;
});
