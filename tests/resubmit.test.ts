import { beforeAll, expect, it, vi } from "vitest";
import type { UserRole } from "@/db/schema";
import { resubmitVendor } from "@/app/(dashboard)/register/actions";
import { SYSTEM_ACTOR } from "@/lib/audit/record";
import { createProcessor, updateProcessor } from "@/lib/processors/service";
import { rejectProcessor, submitProcessor } from "@/lib/review/service";
import { createUser } from "@/lib/users/service";
import { describeOnDatabases, useAsAppDatabase } from "./databases";

/* A rejected vendor goes back to the queue from "My vendors", through the guard; only the session is faked. */

const session = vi.hoisted(() => ({ current: null as null | { user: { id: string } } }));
vi.mock("next-auth", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next-auth")>()),
  getServerSession: vi.fn(async () => session.current),
}));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn() }));

const TODAY = "2026-11-24";

describeOnDatabases("resubmitting a rejected vendor", (use) => {
  useAsAppDatabase(use);
  const people: Record<"engineer" | "otherEngineer" | "dpo", { id: string; role: UserRole }> = {
    engineer: { id: "", role: "engineer" },
    otherEngineer: { id: "", role: "engineer" },
    dpo: { id: "", role: "dpo" },
  };
  const as = (who: keyof typeof people) => ({ kind: "user" as const, userId: people[who].id, tokenId: null, label: who, role: people[who].role });

  beforeAll(async () => {
    for (const [key, person] of Object.entries(people)) {
      const { record: user } = await createUser({
        ctx: { db: use().db, actor: SYSTEM_ACTOR, today: "2026-01-01" },
        input: { email: `${key.toLowerCase()}-${crypto.randomUUID().slice(0, 8)}@resubmit.test`, name: key, role: person.role, password: "a-long-password-1" },
      });
      person.id = user.id;
    }
  });

  it("lets the engineer fix and submit again; refuses another engineer and a stale version", async () => {
    const { db } = use();
    const { record: processor } = await createProcessor({ ctx: { db, actor: as("engineer"), today: TODAY }, input: { name: `Rejected CDN ${crypto.randomUUID().slice(0, 6)}`, role: "processor", service: "hosting", country: "US" } });
    await submitProcessor({ ctx: { db, actor: as("engineer"), today: TODAY }, input: { id: processor.id, changes: { version: 1 } } });
    await rejectProcessor({ ctx: { db, actor: as("dpo"), today: TODAY }, input: { id: processor.id, changes: { version: 2, comment: "No DPA reference" } } });
    const fixed = await updateProcessor({ ctx: { db, actor: as("engineer"), today: TODAY }, input: { id: processor.id, changes: { version: 3, notes: "DPA ref. 2026-17" } } });

    session.current = { user: { id: people.otherEngineer.id } };
    const foreign = await resubmitVendor({ processorId: processor.id, version: fixed.record.version });
    expect(foreign).toMatchObject({ ok: false, error: { code: "forbidden" } });

    session.current = { user: { id: people.engineer.id } };
    const stale = await resubmitVendor({ processorId: processor.id, version: 1 });
    expect(stale).toMatchObject({ ok: false, error: { code: "version_conflict" } });
    const again = await resubmitVendor({ processorId: processor.id, version: fixed.record.version });
    expect(again).toEqual({ ok: true, data: { status: "submitted" } });
  });
});
