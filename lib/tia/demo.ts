import "server-only";
import type { ServiceContext } from "@/lib/services/context";
import { completeTia, createTia, updateTia } from "./service";

/*
 * A completed assessment for the demo company (issue 17.1), for the demo seed to call (db/seed/demo.ts is the
 * lead's): a transfer of the demo gets one TIA, written through the services like any other, so that the
 * transfer pages and the TIA pages have something to show from the first start.
 */
export async function seedDemoTia({ ctx, transferId, authorUserId }: { ctx: ServiceContext; transferId: string; authorUserId: string | null }) {
  const { record: draft } = await createTia({ ctx, input: { transferId, body: { language: "en" } } });
  const { record: steps } = await updateTia({
    ctx,
    input: {
      id: draft.id,
      changes: {
        version: draft.version,
        lawAssessment:
          "Staff of the importer can be required to cooperate with national security requests (see the country profile) without prior independent authorisation; the data is readable by the importer's staff in the course of the service.",
        riskLevel: "high",
        measures: [
          { kind: "technical", description: "Access only through the US bastion host, with per-session approval and full session logging." },
          { kind: "contractual", description: "SCC Clause 15 commitments: notify the exporter of any access request and challenge it where possible." },
          { kind: "organisational", description: "Quarterly review of access logs by the DPO; access limited to named engineers." },
        ],
        proceduralSteps: "Annex II of the SCCs lists the measures above.",
        conclusion: "Proceed with the supplementary measures listed in step 4; re-evaluate in 12 months or on any material change.",
      },
    },
  });
  return completeTia({ ctx, input: { id: draft.id, changes: { version: steps.version, outcome: "proceed_with_measures", authorUserId } } });
}
