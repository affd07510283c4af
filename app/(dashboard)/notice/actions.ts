"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/lib/auth/guard";
import { createNotice, createNoticeStatement, deleteNoticeStatement, updateNoticeStatement } from "@/lib/notices/service";
import type { ServiceContext } from "@/lib/services/context";

/*
 * The notice page's writes: a version of the notice recorded, a statement added, changed or deleted by the DPO. Arguments come from the network:
 * the services parse them (lib/api/contracts/notices.ts) and re-evaluate the notice findings in the same
 * transaction, so the page re-rendered after the action shows the findings as they now stand.
 */

export const addNoticeVersion = action({ roles: ["dpo"] }, async ({ ctx, input }: { ctx: ServiceContext; input: unknown }) => {
  const { record } = await createNotice({ ctx, input });
  revalidatePath("/notice");
  return { id: record.id };
});

export const addNoticeStatement = action(
  { roles: ["dpo"] },
  async ({ ctx, input }: { ctx: ServiceContext; input: { noticeId: string; body: unknown } }) => {
    const { record } = await createNoticeStatement({ ctx, input: { noticeId: String(input.noticeId), body: input.body } });
    revalidatePath("/notice");
    return { id: record.id };
  },
);

export const editNoticeStatement = action(
  { roles: ["dpo"] },
  async ({ ctx, input }: { ctx: ServiceContext; input: { id: string; changes: unknown } }) => {
    const { record } = await updateNoticeStatement({ ctx, input: { id: String(input.id), changes: input.changes } });
    revalidatePath("/notice");
    return { id: record.id, version: record.version };
  },
);

export const removeNoticeStatement = action(
  { roles: ["dpo"] },
  async ({ ctx, input }: { ctx: ServiceContext; input: { id: string; version: number } }) => {
    await deleteNoticeStatement({ ctx, input: { id: String(input.id), version: Number(input.version) } });
    revalidatePath("/notice");
    return { id: input.id };
  },
);
