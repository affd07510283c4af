import "server-only";
import { userActor } from "@/lib/auth/actor";
import { notFound, redirect } from "next/navigation";
import type { Executor } from "@/db/client";
import { mayEdit } from "@/components/registers/edit-link";
import type { Actor } from "@/lib/auth/guard";
import { getProcessor } from "@/lib/processors/service";
import { uuid } from "@/lib/validation/common";

/**
 * The processor a new agreement or transfer goes under (`?processor=ID`): 404 for a missing or malformed id,
 * the forbidden page when the actor may not write under it (the same rule the save enforces: an engineer,
 * only under their own draft vendor).
 */
export async function writableProcessorFromQuery(db: Executor, actor: Actor, param: string | string[] | undefined) {
  const processorId = typeof param === "string" ? param : undefined;
  if (!processorId || !uuid.safeParse(processorId).success) notFound();
  const found = await getProcessor({ db, id: processorId });
  if (!found) notFound();
  if (!mayEdit(userActor(actor), found.processor)) redirect("/forbidden");
  return found.processor;
}
