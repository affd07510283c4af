import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { Executor } from "../client";
import { dataCategories } from "../schema";
import { rowsOf, transferRecordFromRow, type RawTransferRow } from "./register";
import type { ActivityFacts, CategoryFacts, EntityFacts, ProcessorFacts, TransferFacts } from "@/lib/rules/types";

/*
 * The rows behind the US DOJ data security report (28 CFR part 202): every (exporting entity, recipient)
 * pair with at least one transfer to a country of concern or to a covered person, with all of that pair's
 * transfers (202.205 sums the 12-month counts over every transaction between the same U.S. person and the
 * same foreign or covered person). The facts come out in the rules engine's shapes (lib/rules/types.ts):
 * lib/exports/doj.ts hands them to the engine's own DOJ functions rather than recounting here.
 *
 * Pairs are keyset-paged on (exporter id, processor id), the order of the transfers_exporter_processor
 * index; memory holds one batch of pairs and their transfers.
 */

export interface DojTransferRecord extends TransferFacts {
  categoryIds: readonly string[];
  /** Why the 28 CFR part 202 subpart E exemption claimed applies (required with one, by a table check). */
  dojExemptionJustification: string | null;
  activity: ActivityFacts;
  /** The DOJ flags stored on this transfer that are not resolved, as "rule id: status". */
  dojFlags: string[];
}

export interface DojPair {
  exporter: EntityFacts;
  recipient: ProcessorFacts & { legalName: string | null };
  transfers: DojTransferRecord[];
}

interface RawTransfer extends RawTransferRow {
  doj_exemption_justification: string | null;
  doj_flags: string | null;
  activity_name: string;
  legal_basis: ActivityFacts["legalBasis"];
  art9_condition: ActivityFacts["art9Condition"];
  retention_period: string | null;
  disclosure_type: ActivityFacts["disclosureType"];
  exporter_name: string;
  exporter_country: string;
  exporter_role: EntityFacts["role"];
  exporter_ciio: boolean;
  p_name: string;
  p_legal_name: string | null;
  p_role: ProcessorFacts["role"];
  p_service: ProcessorFacts["service"];
  p_country: string;
  p_parent: string | null;
  p_dpf_certified: boolean;
  p_dpf_expiry: string | null;
  p_dpf_uk_extension: boolean;
  p_covered_person: boolean;
  p_owner: string | null;
  p_status: ProcessorFacts["status"];
}


/** The taxonomy's classifications, by key (a few dozen rows). */
export async function loadCategoryFacts({ db }: { db: Executor }): Promise<Map<string, CategoryFacts>> {
  const rows = await db.select().from(dataCategories);
  return new Map(
    rows.map((c) => [
      c.key,
      {
        id: c.key,
        key: c.key,
        gdprSpecial: c.gdprSpecial,
        ccpaCategory: c.ccpaCategory,
        ccpaSensitive: c.ccpaSensitive,
        piplSensitive: c.piplSensitive,
        dojCategory: c.dojCategory,
        dojIdentifierKind: c.dojIdentifierKind,
      },
    ]),
  );
}

export interface IterateDojPairsInput {
  db: Executor;
  /** ISO 3166-1 alpha-2 codes of the countries of concern (lib/jurisdictions, 28 CFR 202.601). */
  countriesOfConcern: readonly string[];
  /** false: approved transfers to approved recipients only; true: every transfer, as the rules engine counts them. */
  includePending: boolean;
  batchSize?: number;
}

export async function* iterateDojPairs({ db, countriesOfConcern, includePending, batchSize = 200 }: IterateDojPairsInput): AsyncGenerator<DojPair, void, undefined> {
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new RangeError(`batchSize must be a positive integer, not ${batchSize}`);
  const codes = sql`array[${sql.join(countriesOfConcern.map((code) => sql`${code}`), sql`, `)}]::text[]`;
  const scope: SQL = includePending ? sql`true` : sql`t.status = 'approved' and p.status = 'approved'`;
  let after: { exporter: string; processor: string } | null = null;
  for (;;) {
    const cursor: SQL = after === null ? sql`true` : sql`(t.exporter_entity_id, t.processor_id) > (${after.exporter}::uuid, ${after.processor}::uuid)`;
    const pairs = rowsOf<{ exporter: string; processor: string }>(
      await db.execute(sql`
        select t.exporter_entity_id as exporter, t.processor_id as processor
        from transfers t join processors p on p.id = t.processor_id
        where ${scope} and ${cursor}
          and (p.country = any(${codes}) or p.covered_person or t.destination_country = any(${codes}))
        group by t.exporter_entity_id, t.processor_id
        order by t.exporter_entity_id, t.processor_id
        limit ${batchSize}`),
    );
    if (pairs.length === 0) return;
    const keys = sql.join(pairs.map((pair) => sql`(${pair.exporter}::uuid, ${pair.processor}::uuid)`), sql`, `);
    const transfers = rowsOf<RawTransfer>(
      await db.execute(sql`
        select t.id, t.activity_id, t.exporter_entity_id, t.processor_id, t.origin_country, t.destination_country,
          t.access_type, array_to_string(t.subject_regions, ',') as subject_regions, t.estimated_subjects, t.volume_unit,
          t.frequency, t.encryption_in_transit, t.encryption_at_rest, t.mechanism, t.tia_date::text as tia_date,
          t.cisa_requirements_met, t.status, t.start_date::text as start_date, t.end_date::text as end_date,
          t.re_export_of_foreign_data, t.doj_exemption, t.doj_exemption_justification, t.important_data, t.pipl_exemption, t.pipl_separate_consent,
          t.pipia_date::text as pipia_date,
          (select string_agg(c.category_key, ',') from transfer_data_categories c where c.transfer_id = t.id) as category_keys,
          (select string_agg(f.rule_id || ': ' || f.status::text, ',' order by f.rule_id) from flags f
            where f.subject_type = 'transfer' and f.subject_id = t.id and f.rule_id like 'transfer.doj-%' and f.status <> 'resolved') as doj_flags,
          a.name as activity_name, a.legal_basis, a.art9_condition, a.retention_period, a.disclosure_type,
          e.name as exporter_name, e.country as exporter_country, e.role as exporter_role, e.ciio as exporter_ciio,
          p.name as p_name, p.legal_name as p_legal_name, p.role as p_role, p.service as p_service, p.country as p_country,
          p.parent_processor_id as p_parent, p.dpf_certified as p_dpf_certified, p.dpf_expiry::text as p_dpf_expiry,
          p.dpf_uk_extension as p_dpf_uk_extension,
          p.covered_person as p_covered_person, p.owner_user_id as p_owner, p.status as p_status
        from transfers t
          join processors p on p.id = t.processor_id
          join processing_activities a on a.id = t.activity_id
          join entities e on e.id = t.exporter_entity_id
        where ${scope} and (t.exporter_entity_id, t.processor_id) in (${keys})
        order by t.exporter_entity_id, t.processor_id, t.id`),
    );
    const byPair = new Map<string, DojPair>();
    for (const raw of transfers) {
      const key = `${raw.exporter_entity_id}|${raw.processor_id}`;
      let pair = byPair.get(key);
      if (pair === undefined) {
        pair = {
          exporter: {
            id: raw.exporter_entity_id,
            name: raw.exporter_name,
            country: raw.exporter_country,
            role: raw.exporter_role,
            ciio: raw.exporter_ciio,
          },
          recipient: {
            id: raw.processor_id,
            name: raw.p_name,
            legalName: raw.p_legal_name,
            role: raw.p_role,
            service: raw.p_service,
            country: raw.p_country,
            parentProcessorId: raw.p_parent,
            dpfCertified: raw.p_dpf_certified,
            dpfExpiry: raw.p_dpf_expiry,
            dpfUkExtension: raw.p_dpf_uk_extension,
            coveredPerson: raw.p_covered_person,
            ownerUserId: raw.p_owner,
            status: raw.p_status,
          },
          transfers: [],
        };
        byPair.set(key, pair);
      }
      pair.transfers.push({
        ...transferRecordFromRow(raw),
        dojExemptionJustification: raw.doj_exemption_justification,
        activity: {
          id: raw.activity_id,
          name: raw.activity_name,
          legalBasis: raw.legal_basis,
          art9Condition: raw.art9_condition,
          retentionPeriod: raw.retention_period,
          disclosureType: raw.disclosure_type,
        },
        dojFlags: raw.doj_flags ? raw.doj_flags.split(",") : [],
      });
    }
    // In pair order (the transfers came sorted by pair).
    for (const pair of byPair.values()) yield pair;
    if (pairs.length < batchSize) return;
    const last = pairs[pairs.length - 1]!;
    after = { exporter: last.exporter, processor: last.processor };
  }
}
