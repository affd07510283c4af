import type { FieldIssue } from "@/lib/errors";

/*
 * The field each unique index protects, by constraint name, for the 409 a unique violation becomes
 * (lib/api/problem.ts). Services check uniqueness first and name the clash; this covers the race between two
 * concurrent inserts, where only the index sees the second one.
 */
const UNIQUE_FIELDS: Record<string, FieldIssue> = {
  processors_normalized_name_key: { path: "name", message: "another processor already has this name" },
  processors_external_id_key: { path: "externalId", message: "another processor already has this external id" },
  transfers_external_id_key: { path: "externalId", message: "another transfer already has this external id" },
  safeguard_agreements_external_id_key: { path: "externalId", message: "another agreement already has this external id" },
  processing_activities_name_unique: { path: "name", message: "another processing activity already has this name" },
  entities_name_unique: { path: "name", message: "another entity already has this name" },
  users_email_lower_key: { path: "email", message: "another user already has this email address" },
};

export function uniqueConstraintField(constraint: string | undefined): FieldIssue {
  return (constraint && UNIQUE_FIELDS[constraint]) || { path: "(body)", message: "conflicts with an existing record" };
}
