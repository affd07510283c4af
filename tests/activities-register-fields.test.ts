import { beforeAll, expect, it } from "vitest";
import { listActivityRegister, missingRecordFields } from "@/db/queries/activities-register";
import { activityFields, activityListRow } from "@/lib/api/contracts/activities";
import { fieldLabel } from "@/lib/labels";
import { describeOnDatabases } from "./databases";
import { makeActivity, makeEntity, NO_REGULATOR_FIELDS } from "./factories";

/*
 * Issue 16: the activity register (the DPO's page and GET /api/v1/activities) answers every stored field of an
 * activity, the CNIL and ICO template fields of migration 0006 included, in the shape its contract declares;
 * and what an Art. 30 record lacks is said as field names the label catalogue words, never as English text.
 */

const ukTemplate = {
  securityChecklist: ["access_control", "encryption", "backup"] as ("access_control" | "encryption" | "backup")[],
  applications: "Zendesk, Salesforce Service Cloud",
  liaReference: "https://intranet.example/lia/support",
  consentRecordReference: "CONSENT-2026-04, Privacy SharePoint",
  breachOccurred: true,
  breachRecordReference: "BR-2025-11",
  schedule1Condition: "Part 1, paragraph 1: employment",
  policyDocumentReference: "https://intranet.example/policies/appropriate-policy",
  retainedPerPolicy: false,
  policyDeviationReason: "Litigation hold on 2025 tickets",
};

describeOnDatabases("the activity register's rows", (use) => {
  let complete = "";
  let bare = "";

  beforeAll(async () => {
    const { db } = use();
    const controller = await makeEntity(db, { country: "GB" });
    complete = (await makeActivity(db, controller.id, { name: "Customer support", securityMeasures: "TLS, SSO", ...ukTemplate })).id;
    bare = (await makeActivity(db, controller.id, { name: "Newsletter", retentionPeriod: null, securityMeasures: "" })).id;
  });

  async function rows() {
    const page = await listActivityRegister({ db: use().db, page: 1, pageSize: 50 });
    // As the API sends them: through JSON.
    return JSON.parse(JSON.stringify(page.rows)) as Record<string, unknown>[];
  }

  it("carries the CNIL and ICO template fields as stored, and their defaults on an activity without them", async () => {
    const all = await rows();
    expect(all.find((row) => row.id === complete)).toMatchObject(ukTemplate);
    expect(all.find((row) => row.id === bare)).toMatchObject(NO_REGULATOR_FIELDS);
  });

  it("answers every field an activity is written with, in the shape the contract declares and nothing else", async () => {
    for (const row of await rows()) {
      // Strict: a column the query selects but the contract does not declare fails, as one it declares but does not select.
      expect(activityListRow.strict().safeParse(row).error?.issues ?? []).toEqual([]);
      expect(Object.keys(row).sort()).toEqual(Object.keys(activityListRow.shape).sort());
    }
    const missing = Object.keys(activityFields.shape).filter((field) => !(field in activityListRow.shape));
    expect(missing).toEqual([]);
  });

  it("says what an Art. 30 record lacks as field names, which the catalogue words in the reader's language", () => {
    expect(missingRecordFields({ retentionPeriod: "24 months", securityMeasures: "TLS" })).toEqual([]);
    const lacking = missingRecordFields({ retentionPeriod: null, securityMeasures: "" });
    expect(lacking).toEqual(["retentionPeriod", "securityMeasures"]);
    expect(missingRecordFields({ retentionPeriod: "", securityMeasures: "TLS" })).toEqual(["retentionPeriod"]);
    expect(lacking.map((field) => fieldLabel("activity", field, "en"))).toEqual(["Retention period", "Security measures"]);
    expect(lacking.map((field) => fieldLabel("activity", field, "fr"))).toEqual(["Durée de conservation", "Mesures de sécurité"]);
  });

  it("counts a record incomplete exactly when missingRecordFields names a field", async () => {
    const { db } = use();
    const incomplete = (await listActivityRegister({ db, page: 1, pageSize: 50, record: "incomplete" })).rows.map((row) => row.id);
    const completeIds = (await listActivityRegister({ db, page: 1, pageSize: 50, record: "complete" })).rows.map((row) => row.id);
    for (const row of (await listActivityRegister({ db, page: 1, pageSize: 50 })).rows) {
      expect(incomplete.includes(row.id), row.name).toBe(missingRecordFields(row).length > 0);
      expect(completeIds.includes(row.id), row.name).toBe(missingRecordFields(row).length === 0);
    }
    expect(incomplete).toContain(bare);
    expect(completeIds).toContain(complete);
  });
});
