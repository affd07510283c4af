import "server-only";
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "@/db/client";
import { entities, processingActivities } from "@/db/schema";
import { ART9_CONDITIONS, DISCLOSURE_TYPES, LEGAL_BASES } from "@/db/schema/enums";
import { databaseErrorOf, UNIQUE_VIOLATION } from "@/lib/api/database-error";
import { appendAuditEvent, type AuditActor } from "@/lib/audit/record";
import { AppError } from "@/lib/errors";
import { text, uuid } from "@/lib/validation/common";
import { withDefaults } from "@/lib/validation/defaults";
import { parseStrictInput } from "@/lib/validation/processor";

/*
 * A new processing activity (one purpose, the unit of a GDPR Art. 30(1) record). It has no transfers yet,
 * so no flag can change: there is nothing to re-evaluate until a transfer names it.
 */

const { create } = withDefaults(
  {
    name: text(200).min(1, { message: "is required" }),
    /** Art. 30(1)(a): the controller entity answering for the activity. */
    controllerEntityId: uuid,
    purpose: text(2000).min(1, { message: "is required" }),
    /** GDPR Art. 6(1). */
    legalBasis: z.enum(LEGAL_BASES, { message: `must be one of ${LEGAL_BASES.join(", ")}` }),
  },
  {
    jointController: [text(500).nullable(), null],
    businessFunction: [text(200).nullable(), null],
    legitimateInterest: [text(2000).nullable(), null],
    /** GDPR Art. 9(2): required by the rules when a special category is involved. */
    art9Condition: [z.enum(ART9_CONDITIONS).nullable(), null],
    disclosureType: [z.enum(DISCLOSURE_TYPES), "business_purpose"],
    dataSubjectCategories: [z.array(text(200)).max(50), []],
    /** Art. 30(1)(f), "where possible". */
    retentionPeriod: [text(500).nullable(), null],
    securityMeasures: [text(5000).nullable(), null],
    source: [text(1000).nullable(), null],
    automatedDecisionMaking: [z.boolean(), false],
    dpiaRequired: [z.boolean(), false],
    dpiaReference: [text(500).nullable(), null],
  } as const,
);

/** Strict: an unknown field is refused by name rather than dropped. */
export const createActivityInput = create.strict();
export type CreateActivityInput = z.input<typeof createActivityInput>;

function nameTaken(): AppError {
  return new AppError("conflict", "name: another processing activity already has this name", {
    fields: [{ path: "name", message: "another processing activity already has this name" }],
  });
}

export async function createActivity({ db, actor, input }: { db: Executor; actor: AuditActor; input: unknown }) {
  const data = parseStrictInput(createActivityInput, input);
  try {
    return await db.transaction(async (tx) => {
      const controller = await tx.select({ id: entities.id }).from(entities).where(eq(entities.id, data.controllerEntityId)).limit(1);
      if (!controller[0]) {
        throw new AppError("validation_failed", "controllerEntityId: no entity has this id", {
          fields: [{ path: "controllerEntityId", message: "no entity has this id" }],
        });
      }
      const clash = await tx.select({ id: processingActivities.id }).from(processingActivities).where(eq(processingActivities.name, data.name)).limit(1);
      if (clash[0]) throw nameTaken();
      const [row] = await tx.insert(processingActivities).values(data).returning();
      const activity = row!;
      await appendAuditEvent({ db: tx, actor, action: "create", recordType: "activity", recordId: activity.id, after: activity });
      return activity;
    });
  } catch (error) {
    // A concurrent insert can pass the pre-check and still hit the unique index: 409, never 500.
    if (databaseErrorOf(error)?.code === UNIQUE_VIOLATION) throw nameTaken();
    throw error;
  }
}
