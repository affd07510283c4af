import { eq, like } from "drizzle-orm";
import { expect, it } from "vitest";
import { processors } from "@/db/schema";
import { checkUploadedImport, commitUploadedImport, readUploadedImport } from "@/app/(dashboard)/import/import-file";
import { AppError } from "@/lib/errors";
import { buildTemplateXlsx } from "@/lib/import/template";
import { describeOnDatabases } from "./databases";
import { TEST_ACTOR } from "./factories";

const TODAY = "2026-11-24";

function upload(name: string, content: string | Uint8Array<ArrayBuffer>, kind?: string, type = "text/csv"): FormData {
  const form = new FormData();
  form.set("file", new File([content], name, { type }));
  if (kind) form.set("kind", kind);
  return form;
}

const csv = (secondCountry: string) =>
  [
    "externalId,name,role,service,country",
    "page-a,Page Import Alpha,processor,hosting,DE",
    `page-b,Page Import Beta,processor,analytics,${secondCountry}`,
  ].join("\n");

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected the upload to be refused");
}

describeOnDatabases("import page", (use) => {
  it("checks an uploaded CSV row by row, imports nothing while a row is bad, then imports the fixed file once", async () => {
    const { db } = use();
    const checked = await checkUploadedImport({ ctx: { db, actor: TEST_ACTOR, today: TODAY }, input: { form: upload("vendors.csv", csv("ZZ"), "processors") } });
    expect(checked.valid).toBe(false);
    expect(checked.rows).toBe(2);
    expect(checked.problems).toEqual([{ sheet: "processors", row: 3, column: "country", message: expect.stringContaining("ISO 3166-1 alpha-2") }]);

    const refused = await commitUploadedImport({ ctx: { db, actor: TEST_ACTOR, today: TODAY }, input: { form: upload("vendors.csv", csv("ZZ"), "processors") } });
    expect(refused).toMatchObject({ ok: false, problems: [{ row: 3, column: "country" }] });
    expect(await db.select().from(processors).where(like(processors.name, "Page Import%"))).toEqual([]);

    const fixed = await checkUploadedImport({ ctx: { db, actor: TEST_ACTOR, today: TODAY }, input: { form: upload("vendors.csv", csv("FR"), "processors") } });
    expect(fixed).toMatchObject({ valid: true, rows: 2, plan: { create: 2, update: 0, unchanged: 0 } });
    const imported = await commitUploadedImport({ ctx: { db, actor: TEST_ACTOR, today: TODAY }, input: { form: upload("vendors.csv", csv("FR"), "processors") } });
    expect(imported).toMatchObject({ ok: true, result: { created: 2, updated: 0, unchanged: 0 } });
    const [beta] = await db.select().from(processors).where(eq(processors.externalId, "page-b"));
    expect(beta).toMatchObject({ name: "Page Import Beta", country: "FR", status: "draft" });

    const again = await commitUploadedImport({ ctx: { db, actor: TEST_ACTOR, today: TODAY }, input: { form: upload("vendors.csv", csv("FR"), "processors") } });
    expect(again).toMatchObject({ ok: true, result: { created: 0, updated: 0, unchanged: 2 } });
  });

  it("reads the XLSX template the API serves, and refuses what it cannot read, naming the form field", async () => {
    const workbook = new Uint8Array(await buildTemplateXlsx());
    const rows = await readUploadedImport(upload("template.xlsx", workbook, undefined, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
    expect(rows.processors).toHaveLength(1);
    expect(rows.transfers).toHaveLength(1);

    expect((await refusal(readUploadedImport(new FormData()))).details.fields).toEqual([{ path: "file", message: "choose a CSV or XLSX file" }]);
    expect((await refusal(readUploadedImport(upload("vendors.csv", csv("FR"))))).details.fields?.[0]?.path).toBe("kind");
    expect((await refusal(readUploadedImport(upload("vendors.pdf", "%PDF-1.7", "processors", "application/pdf")))).details.fields).toEqual([
      { path: "file", message: "must be a .csv or .xlsx file" },
    ]);
    expect((await refusal(readUploadedImport(upload("latin1.csv", new Uint8Array([0x6e, 0x61, 0x6d, 0x65, 0x0a, 0xe9, 0xff]), "processors")))).details.fields?.[0]?.message).toMatch(
      /UTF-8/,
    );
  });
});
