import { eq, sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { appliedMigrationTag, latestMigrationTag } from "@/db/migrate";
import { listProcessors } from "@/db/queries/processors";
import { dataCategories, entities, processingActivities, processors, transfers, transferDataCategories } from "@/db/schema";
import { describeOnDatabases } from "./databases";

describeOnDatabases("schema and data layer", (use) => {
  it("applies every migration and reports the latest", async () => {
    expect(await appliedMigrationTag(use())).toBe(latestMigrationTag());
  });

  it("loads the reference taxonomy with its classifications", async () => {
    const [face] = await use().db.select().from(dataCategories).where(eq(dataCategories.key, "user.biometric.face"));
    expect(face).toMatchObject({ gdprSpecial: true, dojCategory: "biometric" });
  });

  it("pages, searches and filters processors on the server", async () => {
    const { db } = use();
    await db.insert(processors).values(
      Array.from({ length: 25 }, (_, i) => ({
        name: `Vendor ${String(i).padStart(2, "0")}`,
        normalizedName: `vendor ${String(i).padStart(2, "0")}`,
        role: "processor" as const,
        service: i % 2 ? ("hosting" as const) : ("analytics" as const),
        country: i % 3 ? "US" : "CN",
        status: i < 20 ? ("approved" as const) : ("submitted" as const),
      })),
    );
    const first = await listProcessors({ db, page: 1, pageSize: 10 });
    expect(first.total).toBe(25);
    expect(first.rows.map((row) => row.name)).toEqual(Array.from({ length: 10 }, (_, i) => `Vendor 0${i}`));
    const third = await listProcessors({ db, page: 3, pageSize: 10 });
    expect(third.rows).toHaveLength(5);
    const submitted = await listProcessors({ db, page: 1, pageSize: 10, status: "submitted" });
    expect(submitted.total).toBe(5);
    const search = await listProcessors({ db, page: 1, pageSize: 10, q: "dor 1" });
    expect(search.rows.map((row) => row.name)).toEqual(Array.from({ length: 10 }, (_, i) => `Vendor 1${i}`));
    // LIKE wildcards typed by a user are literal characters, not patterns.
    expect((await listProcessors({ db, page: 1, pageSize: 10, q: "%" })).total).toBe(0);
    const chinese = await listProcessors({ db, page: 1, pageSize: 50, country: "CN" });
    expect(chinese.rows.every((row) => row.country === "CN")).toBe(true);
  });

  it("refuses a second processor with the same normalised name", async () => {
    const { db } = use();
    await db.insert(processors).values({ name: "Acme Cloud", normalizedName: "acme cloud", role: "processor", service: "hosting", country: "US" });
    await expect(
      db.insert(processors).values({ name: "ACME Cloud, Inc.", normalizedName: "acme cloud", role: "processor", service: "hosting", country: "US" }),
    ).rejects.toThrow();
  });

  it("starts every editable record at version 1 with timestamps", async () => {
    const { db } = use();
    const [row] = await db
      .insert(entities)
      .values({ name: "Test parent", country: "US", role: "controller" })
      .returning();
    expect(row).toMatchObject({ version: 1 });
    expect(row!.createdAt).toBeInstanceOf(Date);
  });

  it("keeps transfers tied to existing records (foreign keys) and removes their categories with them", async () => {
    const { db } = use();
    const [entity] = await db.insert(entities).values({ name: "Exporter", country: "US", role: "controller" }).returning();
    const [activity] = await db
      .insert(processingActivities)
      .values({ name: "Cloud storage", controllerEntityId: entity!.id, purpose: "Store videos", legalBasis: "contract" })
      .returning();
    const [processor] = await db
      .insert(processors)
      .values({ name: "Storage Co", normalizedName: "storage co", role: "processor", service: "hosting", country: "US" })
      .returning();
    const [transfer] = await db
      .insert(transfers)
      .values({
        activityId: activity!.id,
        exporterEntityId: entity!.id,
        processorId: processor!.id,
        originCountry: "US",
        destinationCountry: "CN",
        estimatedSubjects: 1000,
      })
      .returning();
    await db.insert(transferDataCategories).values({ transferId: transfer!.id, categoryKey: "user.contact.email" });
    await expect(
      db.insert(transferDataCategories).values({ transferId: transfer!.id, categoryKey: "user.no.such.category" }),
    ).rejects.toThrow();
    await expect(db.delete(processors).where(eq(processors.id, processor!.id))).rejects.toThrow();
    await db.delete(transfers).where(eq(transfers.id, transfer!.id));
    const left = await db
      .select({ count: sql<number>`count(*)::int` })
      .from(transferDataCategories)
      .where(eq(transferDataCategories.transferId, transfer!.id));
    expect(left[0]!.count).toBe(0);
  });

  it("rejects a negative volume and unknown enum values at the database too", async () => {
    const { db } = use();
    await expect(
      db.execute(sql`insert into processors (name, normalized_name, role, service, country) values ('X', 'x', 'vendor', 'hosting', 'US')`),
    ).rejects.toThrow();
  });
});
