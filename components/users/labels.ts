import type { UserRole } from "@/db/schema/enums";

/** Display names of the roles; a Record, so that a new role cannot be forgotten here. */
export const ROLE_LABELS: Readonly<Record<UserRole, string>> = {
  dpo: "DPO",
  engineer: "Engineer",
  auditor: "Auditor",
};

// Client components list the roles from here: importing the schema's enums would ship drizzle to the browser.
export const ROLE_OPTIONS = Object.keys(ROLE_LABELS) as UserRole[];
