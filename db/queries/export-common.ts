import "server-only";
import { asc, eq } from "drizzle-orm";
import type { Executor } from "../client";
import { entities } from "../schema";

export interface ControllerContact {
  name: string;
  legalName: string | null;
  country: string;
  address: string | null;
  phone: string | null;
  dpoContact: string | null;
  /** GDPR Art. 27 representative in the Union. */
  representativeContact: string | null;
  /** UK GDPR Art. 27 representative in the United Kingdom. */
  ukRepresentativeContact: string | null;
}

/**
 * The company's controller entities (the organisation's entity records) with their address, DPO and EU and UK
 * Art. 27 representative contacts: the cover of every report names them. A handful of rows (the group's own legal entities), read whole.
 */
export async function listControllerContacts({ db }: { db: Executor }): Promise<ControllerContact[]> {
  return db
    .select({
      name: entities.name,
      legalName: entities.legalName,
      country: entities.country,
      address: entities.address,
      phone: entities.phone,
      dpoContact: entities.dpoContact,
      representativeContact: entities.representativeContact,
      ukRepresentativeContact: entities.ukRepresentativeContact,
    })
    .from(entities)
    .where(eq(entities.role, "controller"))
    .orderBy(asc(entities.name));
}
