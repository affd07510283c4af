import { expect, it } from "vitest";
import { SYSTEM_ACTOR } from "@/lib/audit/record";
import { createProcessor } from "@/lib/processors/service";
import { getReviewState, listSubmittedVendors, listVendorsRegisteredBy } from "@/lib/registration/queries";
import { approveProcessor, rejectProcessor, submitProcessor } from "@/lib/review/service";
import { createUser } from "@/lib/users/service";
import { describeOnDatabases } from "./databases";

const TODAY = "2026-11-24";

describeOnDatabases("registration and review reads", (use) => {
  it("shows a submitted vendor in the DPO's queue and the decision, reviewer and comment in the engineer's list", async () => {
    const { db } = use();
    const user = (role: "engineer" | "dpo", name: string) =>
      createUser({ ctx: { db, actor: SYSTEM_ACTOR, today: "2026-01-01" }, input: { email: `${role}@reg.test`, name, role, password: "long-enough-pass" } }).then(({ record }) => record);
    const [engineer, dpo] = [await user("engineer", "Erin Engineer"), await user("dpo", "Dana DPO")];
    const as = (u: { id: string; role: "engineer" | "dpo" | "auditor" }) => ({ kind: "user" as const, userId: u.id, tokenId: null, label: u.id, role: u.role });

    const { record: processor } = await createProcessor({ ctx: { db, actor: as(engineer), today: TODAY }, input: { name: "Queue Test SDK", role: "processor", service: "analytics", country: "CN" } });
    const { record: other } = await createProcessor({ ctx: { db, actor: as(engineer), today: TODAY }, input: { name: "Queue Test CDN", role: "processor", service: "hosting", country: "US" } });
    expect(await listSubmittedVendors(db)).toEqual([]);

    await submitProcessor({ ctx: { db, actor: as(engineer), today: TODAY }, input: { id: processor.id, changes: { version: 1 } } });
    await submitProcessor({ ctx: { db, actor: as(engineer), today: TODAY }, input: { id: other.id, changes: { version: 1 } } });
    expect((await listSubmittedVendors(db)).map((vendor) => [vendor.name, vendor.submittedBy])).toEqual([
      ["Queue Test SDK", "Erin Engineer"],
      ["Queue Test CDN", "Erin Engineer"],
    ]);

    await approveProcessor({ ctx: { db, actor: as(dpo), today: TODAY }, input: { id: processor.id, changes: { version: 2, comment: "SCCs on file <b>ok</b>" } } });
    await rejectProcessor({ ctx: { db, actor: as(dpo), today: TODAY }, input: { id: other.id, changes: { version: 2, comment: "No DPA yet" } } });
    expect(await listSubmittedVendors(db)).toEqual([]);

    expect(await getReviewState(db, processor.id)).toMatchObject({ status: "approved", reviewerName: "Dana DPO", reviewComment: "SCCs on file <b>ok</b>", reviewedAt: expect.any(Date) });
    const mine = await listVendorsRegisteredBy(db, engineer.id);
    expect(mine.map((vendor) => [vendor.name, vendor.status, vendor.reviewComment]).sort()).toEqual([
      ["Queue Test CDN", "rejected", "No DPA yet"],
      ["Queue Test SDK", "approved", "SCCs on file <b>ok</b>"],
    ]);
    expect(await listVendorsRegisteredBy(db, dpo.id)).toEqual([]);
    expect(await getReviewState(db, "00000000-0000-4000-8000-000000000000")).toBeUndefined();
  });
});
