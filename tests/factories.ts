import crypto from "node:crypto";
import type { Executor } from "@/db/client";
import { entities, processingActivities, processors, safeguardAgreements, type NewProcessor } from "@/db/schema";
import { systemActor } from "@/lib/auth/actor";
import { createTransfer } from "@/lib/transfers/service";
import type { CreateTransferInput } from "@/lib/api/contracts/transfers";

/** Factories: each test builds the records it needs (STYLE.md §10), with compliant defaults. */

export const TEST_ACTOR = systemActor("test");

const unique = () => crypto.randomBytes(4).toString("hex");

export async function makeEntity(db: Executor, overrides: Partial<typeof entities.$inferInsert> = {}) {
  const [row] = await db
    .insert(entities)
    .values({ name: `Exporter ${unique()}`, country: "US", role: "controller", ...overrides })
    .returning();
  return row!;
}

export async function makeActivity(db: Executor, controllerEntityId: string, overrides: Partial<typeof processingActivities.$inferInsert> = {}) {
  const [row] = await db
    .insert(processingActivities)
    .values({
      name: `Activity ${unique()}`,
      controllerEntityId,
      purpose: "Provide the service",
      legalBasis: "contract",
      retentionPeriod: "24 months",
      ...overrides,
    })
    .returning();
  return row!;
}

export async function makeProcessor(db: Executor, overrides: Partial<NewProcessor> = {}) {
  const name = overrides.name ?? `Vendor ${unique()}`;
  const [row] = await db
    .insert(processors)
    .values({
      name,
      normalizedName: name.toLowerCase(),
      role: "processor",
      service: "hosting",
      country: "US",
      status: "approved",
      ...overrides,
    })
    .returning();
  return row!;
}

export async function makeAgreement(db: Executor, processorId: string, overrides: Partial<typeof safeguardAgreements.$inferInsert> = {}) {
  const [row] = await db
    .insert(safeguardAgreements)
    .values({ processorId, type: "dpa", signedDate: "2025-01-01", effectiveDate: "2025-01-01", ...overrides })
    .returning();
  return row!;
}

/** A complete register around one transfer: exporter, activity, processor, and the transfer itself. */
export async function makeTransfer(
  db: Executor,
  { today, ...overrides }: Partial<CreateTransferInput> & { today: string },
) {
  const exporter = overrides.exporterEntityId ? { id: overrides.exporterEntityId } : await makeEntity(db);
  const activity = overrides.activityId ? { id: overrides.activityId } : await makeActivity(db, exporter.id);
  const processor = overrides.processorId ? { id: overrides.processorId } : await makeProcessor(db);
  const { record, flags } = await createTransfer({
    ctx: { db, actor: TEST_ACTOR, today },
    input: {
      activityId: activity.id,
      exporterEntityId: exporter.id,
      processorId: processor.id,
      originCountry: "US",
      destinationCountry: "US",
      accessType: "storage",
      subjectRegions: ["US-CA"],
      estimatedSubjects: 500,
      encryptionInTransit: "tls1_3",
      encryptionAtRest: "provider_keys",
      mechanism: "none",
      status: "approved",
      dataCategories: ["user.contact.email"],
      ...overrides,
    },
  });
  return { transfer: record, flags };
}

/** What an activity recorded without them holds in the ICO template's and CNIL register's fields (migration 0006). */
export const NO_REGULATOR_FIELDS = {
  securityChecklist: [],
  applications: null,
  liaReference: null,
  consentRecordReference: null,
  breachOccurred: false,
  breachRecordReference: null,
  schedule1Condition: null,
  policyDocumentReference: null,
  retainedPerPolicy: null,
  policyDeviationReason: null,
} as const;
