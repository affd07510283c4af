import { expect, it } from "vitest";
import { SYSTEM_ACTOR } from "@/lib/audit/record";
import { createAgreement, updateAgreement } from "@/lib/agreements/service";
import { createProcessor, updateProcessor } from "@/lib/processors/service";
import { createTransfer, updateTransfer } from "@/lib/transfers/service";
import { createUser } from "@/lib/users/service";
import { describeOnDatabases } from "./databases";
import { makeActivity, makeAgreement, makeEntity, makeProcessor } from "./factories";

const TODAY = "2026-11-24";

describeOnDatabases("what an engineer may write", (use) => {
  it("edits their own drafts only, never sets approved, and the DPO edits anything", async () => {
    const { db } = use();
    const user = (role: "engineer" | "dpo", name: string) =>
      createUser({ ctx: { db, actor: SYSTEM_ACTOR, today: "2026-01-01" }, input: { email: `${name}@own.test`, name, role, password: "long-enough-pass" } }).then(({ record }) => record);
    const [alice, bob, dpo] = [await user("engineer", "alice"), await user("engineer", "bob"), await user("dpo", "dana")];
    const as = (u: { id: string; role: "engineer" | "dpo" | "auditor" }) => ({ kind: "user" as const, userId: u.id, tokenId: null, label: u.id, role: u.role });

    const { record: processor } = await createProcessor({ ctx: { db, actor: as(alice), today: TODAY }, input: { name: "Alice's SDK", role: "processor", service: "analytics", country: "US" } });
    await expect(updateProcessor({ ctx: { db, actor: as(bob), today: TODAY }, input: { id: processor.id, changes: { version: 1, notes: "mine now" } } })).rejects.toMatchObject({ code: "forbidden" });
    const edited = await updateProcessor({ ctx: { db, actor: as(alice), today: TODAY }, input: { id: processor.id, changes: { version: 1, notes: "own draft" } } });
    expect(edited.record.notes).toBe("own draft");

    const exporter = await makeEntity(db);
    const activity = await makeActivity(db, exporter.id);
    const base = { activityId: activity.id, exporterEntityId: exporter.id, processorId: processor.id, originCountry: "US", destinationCountry: "US" };
    await expect(createTransfer({ ctx: { db, actor: as(alice), today: TODAY }, input: { ...base, status: "approved" } })).rejects.toMatchObject({ code: "forbidden" });
    const { record: transfer } = await createTransfer({ ctx: { db, actor: as(alice), today: TODAY }, input: { ...base, status: "draft" } });
    await expect(updateTransfer({ ctx: { db, actor: as(alice), today: TODAY }, input: { id: transfer.id, changes: { version: 1, status: "approved" } } })).rejects.toMatchObject({ code: "forbidden" });
    const approved = await updateTransfer({ ctx: { db, actor: as(dpo), today: TODAY }, input: { id: transfer.id, changes: { version: 1, status: "approved" } } });
    expect(approved.record.status).toBe("approved");
    // Approved now: the engineer who registered it can no longer change it.
    await expect(updateTransfer({ ctx: { db, actor: as(alice), today: TODAY }, input: { id: transfer.id, changes: { version: 2, notes: "tweak" } } })).rejects.toMatchObject({ code: "forbidden" });
  });

  it("adds agreements and transfers only under a vendor the engineer may edit: not under an approved one", async () => {
    const { db } = use();
    const { record: carol } = await createUser({ ctx: { db, actor: SYSTEM_ACTOR, today: "2026-01-01" }, input: { email: "carol@own.test", name: "carol", role: "engineer", password: "long-enough-pass" } });
    const asCarol = { kind: "user" as const, userId: carol.id, tokenId: null, label: "carol", role: "engineer" as const };
    const approvedVendor = await makeProcessor(db, { status: "approved" });
    const { record: draft } = await createProcessor({ ctx: { db, actor: asCarol, today: TODAY }, input: { name: "Carol's CDN", role: "processor", service: "hosting", country: "US" } });
    const agreement = { type: "dpa", signedDate: "2026-01-01" };

    await expect(createAgreement({ ctx: { db, actor: asCarol, today: TODAY }, input: { ...agreement, processorId: approvedVendor.id } })).rejects.toMatchObject({ code: "forbidden" });
    const { record: own } = await createAgreement({ ctx: { db, actor: asCarol, today: TODAY }, input: { ...agreement, processorId: draft.id } });
    expect(own.processorId).toBe(draft.id);
    // Moving their agreement onto the approved vendor, or editing the vendor's own agreement, is the DPO's.
    await expect(updateAgreement({ ctx: { db, actor: asCarol, today: TODAY }, input: { id: own.id, changes: { version: 1, processorId: approvedVendor.id } } })).rejects.toMatchObject({ code: "forbidden" });
    const existing = await makeAgreement(db, approvedVendor.id);
    await expect(updateAgreement({ ctx: { db, actor: asCarol, today: TODAY }, input: { id: existing.id, changes: { version: existing.version, documentRef: "mine" } } })).rejects.toMatchObject({ code: "forbidden" });

    const exporter = await makeEntity(db);
    const activity = await makeActivity(db, exporter.id);
    const base = { activityId: activity.id, exporterEntityId: exporter.id, originCountry: "US", destinationCountry: "DE" };
    await expect(createTransfer({ ctx: { db, actor: asCarol, today: TODAY }, input: { ...base, processorId: approvedVendor.id } })).rejects.toMatchObject({ code: "forbidden" });
    const { record: transfer } = await createTransfer({ ctx: { db, actor: asCarol, today: TODAY }, input: { ...base, processorId: draft.id } });
    expect(transfer.processorId).toBe(draft.id);
  });
});
