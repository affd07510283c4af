import "server-only";
import { and, eq, ne, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { listEntityDependents, processorsOfEntity, type EntityDependentTransfer } from "@/db/queries/entities";
import { entities, type Entity } from "@/db/schema";
import { createEntityBody, updateEntityBody } from "@/lib/api/contracts/entities";
import type { ServiceActor } from "@/lib/auth/actor";
import { AppError, fieldsError } from "@/lib/errors";
import { countryName } from "@/lib/jurisdictions/countries";
import type { ServiceCall } from "@/lib/services/context";
import { createRecord, deleteRecord, updateRecord, type RecordKind } from "@/lib/services/write-record";
import { parseInput } from "@/lib/validation/parse";

/*
 * Writes of the organisation's legal entities (DOMAIN.md §2), through the one write sequence
 * (lib/services/write-record.ts). An entity's country feeds the rules of every transfer it exports, so a write
 * re-evaluates the processors receiving them. Entities describe the organisation itself (the controller of the
 * Art. 30 record, its DPO and representatives): only the DPO writes them; engineers and auditors read.
 */

/** Only the DPO (or the system: seeds, the CLI) writes entities; every other role is refused (fails closed). */
function assertMayWriteEntities(actor: ServiceActor): void {
  if (actor.kind === "system" || actor.role === "dpo") return;
  throw new AppError("forbidden", "Only the DPO can change the organisation's entities.");
}

export const entityKind: RecordKind<Entity, Entity> = {
  recordType: "entity",
  label: "entity",
  lock: async (tx, id) => (await tx.select().from(entities).where(eq(entities.id, id)).for("update").limit(1))[0],
  expand: async (_tx, row) => row,
  // The processors receiving its transfers: the rules read the exporter's country.
  affectedProcessors: (tx, entity) => processorsOfEntity({ db: tx, entityId: entity.id }),
  // No rule flags an entity itself; its transfers carry the findings.
  flagSubject: undefined,
  authorize: (_tx, actor) => assertMayWriteEntities(actor),
};

/** Names are unique (transfers and the import name their exporter by it): a clash is a 409 naming the field. */
async function assertNameFree(tx: Executor, name: string, exceptId?: string) {
  const sameName = eq(entities.name, name);
  const clash = await tx
    .select({ id: entities.id })
    .from(entities)
    .where(exceptId ? and(sameName, ne(entities.id, exceptId)) : sameName)
    .limit(1);
  if (clash[0]) throw fieldsError("conflict", [{ path: "name", message: "another entity already has this name" }]);
}

export async function getEntity({ db, id }: { db: Executor; id: string }): Promise<Entity | undefined> {
  return (await db.select().from(entities).where(eq(entities.id, id)).limit(1))[0];
}

export async function createEntity({ ctx, input }: ServiceCall) {
  assertMayWriteEntities(ctx.actor);
  const data = parseInput(createEntityBody, input);
  return createRecord({
    ctx,
    kind: entityKind,
    insert: async (tx) => {
      await assertNameFree(tx, data.name);
      const [row] = await tx.insert(entities).values(data).returning();
      return row!;
    },
  });
}

/** A partial change: fields left out keep their stored values; `changes.version` is the version edited. */
export async function updateEntity({ ctx, input }: ServiceCall<{ id: string; changes: unknown }>) {
  const { version, ...patch } = parseInput(updateEntityBody, input.changes);
  return updateRecord({
    ctx,
    kind: entityKind,
    id: input.id,
    version,
    change: async (tx, current) => {
      if (patch.name !== undefined && patch.name !== current.name) await assertNameFree(tx, patch.name, current.id);
      const [row] = await tx
        .update(entities)
        .set({ ...patch, version: sql`${entities.version} + 1`, updatedAt: new Date() })
        .where(eq(entities.id, current.id))
        .returning();
      return row!;
    },
  });
}

/** "Acme Cloud: United States of America → Germany": the countries by name, as the message is read by a person. */
function transferInWords(transfer: EntityDependentTransfer): { name: string } {
  return { name: `${transfer.processorName}: ${countryName(transfer.originCountry)} → ${countryName(transfer.destinationCountry)}` };
}

function listed(items: { name: string }[], max = 5): string {
  const shown = items.slice(0, max).map((item) => `“${item.name}”`);
  return items.length > max ? `${shown.join(", ")} and ${items.length - max} more` : shown.join(", ");
}

/**
 * Deletes an entity once nothing refers to it: the processing activities it controls and the transfers it
 * exports are records of their own, so a 409 names them (`dependents`), to be moved or deleted first. The
 * audit event keeps the entity's full last state for point-in-time exports.
 */
export async function deleteEntity({ ctx, input }: ServiceCall<{ id: string; version: number }>) {
  await deleteRecord({
    ctx,
    kind: entityKind,
    id: input.id,
    version: input.version,
    remove: async (tx, current) => {
      const dependents = await listEntityDependents({ db: tx, entityId: current.id });
      if (dependents.activities.length || dependents.transfers.length) {
        const parts = [
          dependents.activities.length
            ? `${dependents.activities.length === 1 ? "1 processing activity" : `${dependents.activities.length} processing activities`} it controls (${listed(dependents.activities)})`
            : null,
          dependents.transfers.length
            ? `${dependents.transfers.length === 1 ? "1 transfer" : `${dependents.transfers.length} transfers`} it exports (${listed(dependents.transfers.map(transferInWords))})`
            : null,
        ].filter((part): part is string => part !== null);
        throw new AppError("conflict", `${current.name} still has ${parts.join(" and ")}: move them to another entity or delete them first.`, { dependents });
      }
      await tx.delete(entities).where(eq(entities.id, current.id));
    },
  });
}
