import { sql } from "drizzle-orm";
import { check, date, index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { timestamps, versionColumn } from "./columns";
import { tiaOutcome, tiaRiskLevel, tiaStatus, type SupplementaryMeasureKind } from "./enums";
import { transfers } from "./transfers";
import { users } from "./users";

/** EDPB Recommendations 01/2020, step 4: one supplementary measure, of one of the three kinds. */
export interface SupplementaryMeasure {
  kind: SupplementaryMeasureKind;
  description: string;
}

/**
 * The facts of the transfer a completed TIA assessed (DOMAIN.md §8): a change of any of them is material and
 * marks the TIA for review. The volume band, not the exact count, so that a routine recount is not a change.
 */
export interface TiaTransferBasis {
  destinationCountry: string;
  categoryKeys: string[];
  accessType: string;
  volumeBand: string;
  mechanism: string;
}

/**
 * A transfer impact assessment (DOMAIN.md §8), guided by the six steps of EDPB Recommendations 01/2020. A transfer
 * keeps every assessment it had; the latest completed one gives the transfer its TIA date.
 */
export const tiaAssessments = pgTable(
  "tia_assessments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    transferId: uuid("transfer_id")
      .notNull()
      .references(() => transfers.id, { onDelete: "cascade" }),
    status: tiaStatus("status").notNull().default("draft"),
    /** Step 1, know your transfer: what is sent, to whom, how, as the assessor describes it. */
    transferDescription: text("transfer_description"),
    /** Step 2, the Art. 46 tool relied on, and the agreement that carries it. */
    toolDescription: text("tool_description"),
    /** The country profile assessed (ISO 3166-1 alpha-2) and the "as of" date of that profile. */
    profileCountry: text("profile_country"),
    profileAsOf: date("profile_as_of", { mode: "string" }),
    /** Step 3, the law and practice of the destination for this data and this importer. */
    lawAssessment: text("law_assessment"),
    riskLevel: tiaRiskLevel("risk_level"),
    /** Step 4, supplementary measures. */
    measures: jsonb("measures").$type<SupplementaryMeasure[]>().notNull().default([]),
    /** Step 5, procedural steps (e.g. an amendment of the SCCs, a supervisory authority consulted). */
    proceduralSteps: text("procedural_steps"),
    /** Step 6, re-evaluation at intervals. */
    reviewIntervalMonths: integer("review_interval_months").notNull().default(12),
    outcome: tiaOutcome("outcome"),
    conclusion: text("conclusion"),
    authorUserId: uuid("author_user_id").references(() => users.id, { onDelete: "set null" }),
    reviewerUserId: uuid("reviewer_user_id").references(() => users.id, { onDelete: "set null" }),
    /** The completion date: the transfer's TIA date for transfer.tia-missing. */
    completedOn: date("completed_on", { mode: "string" }),
    completedAt: timestamp("completed_at", { withTimezone: true, mode: "date" }),
    /** The transfer as assessed, compared with the transfer on each change of it. */
    basis: jsonb("basis").$type<TiaTransferBasis>(),
    /** Why the TIA needs review: the material change, in words. */
    reviewReason: text("review_reason"),
    reviewRequiredAt: timestamp("review_required_at", { withTimezone: true, mode: "date" }),
    version: versionColumn(),
    ...timestamps(),
  },
  (t) => [
    index("tia_assessments_transfer_idx").on(t.transferId, t.status),
    check("tia_assessments_review_interval", sql`${t.reviewIntervalMonths} between 1 and 60`),
    check("tia_assessments_completed_outcome", sql`${t.status} = 'draft' or (${t.outcome} is not null and ${t.completedOn} is not null)`),
  ],
);

export type TiaAssessment = typeof tiaAssessments.$inferSelect;
export type NewTiaAssessment = typeof tiaAssessments.$inferInsert;
