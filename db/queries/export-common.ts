import "server-only";
import { asc, eq } from "drizzle-orm";
import type { Executor } from "../client";
import { entities } from "../schema";

export interface ControllerContact {
  name: string;
  legalName: string | null;
  country: string;
  address: string | null;
  dpoContact: string | null;
  representativeContact: string | null;
}

/**
 * The company's controller entities with their DPO and Art. 27 representative contacts: the cover of every
 * report names them. A handful of rows (the group's own legal entities), read whole.
 */
export async function listControllerContacts({ db }: { db: Executor }): Promise<ControllerContact[]> {
  return db
    .select({
      name: entities.name,
      legalName: entities.legalName,
      country: entities.country,
      address: entities.address,
      dpoContact: entities.dpoContact,
      representativeContact: entities.representativeContact,
    })
    .from(entities)
    .where(eq(entities.role, "controller"))
    .orderBy(asc(entities.name));
}
