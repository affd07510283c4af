import { sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { systemActor } from "@/lib/auth/actor";

/*
 * A synthetic register for the benchmark, generated in SQL (generate_series) so that building 100,000
 * transfers takes seconds, not minutes. Ids are md5-derived so that rows can reference each other
 * without a lookup: processor i is md5('p'||i)::uuid.
 */

export interface SyntheticSize {
  processors: number;
  transfers: number;
  agreements: number;
}

/** Who the bench writes as: the system, as the CLI does, no user behind it. */
export const BENCH_ACTOR = systemActor("bench");

export const FULL_SIZE: SyntheticSize = { processors: 10_000, transfers: 100_000, agreements: 30_000 };

const COUNTRIES = ["US", "CN", "HK", "DE", "IN", "JP", "FR", "BR", "SG", "GB"];
const CATEGORY_KEYS = [
  "user.contact.email",
  "user.account.username",
  "user.device.device_id",
  "user.device.imei",
  "user.device.ip_address",
  "user.behavior.usage_log",
  "user.behavior.crash_log",
  "user.location.precise.gps",
  "user.biometric.face",
  "user.sensor.camera_footage",
  "user.contact.phone_number",
  "user.payment",
];

const pgArray = (values: string[]) => sql.raw(`array[${values.map((v) => `'${v}'`).join(",")}]`);

export async function buildSyntheticRegister(db: Executor, size: SyntheticSize): Promise<void> {
  const { processors: p, transfers: t, agreements: a } = size;
  await db.execute(sql`
    insert into entities (id, name, country, role) values
      (md5('e1')::uuid, 'Bench US parent', 'US', 'controller'),
      (md5('e2')::uuid, 'Bench Shenzhen R&D', 'CN', 'controller')`);
  await db.execute(sql`
    insert into processing_activities (id, name, controller_entity_id, purpose, legal_basis, retention_period, art9_condition, disclosure_type)
    select md5('a' || i)::uuid, 'Bench activity ' || i, md5('e1')::uuid, 'Purpose ' || i, 'contract',
      case when i % 10 = 0 then null else '24 months' end,
      case when i % 4 = 0 then 'explicit_consent'::art9_condition else null end,
      case when i % 50 = 0 then 'sale'::disclosure_type else 'business_purpose'::disclosure_type end
    from generate_series(1, 100) i`);
  await db.execute(sql`
    insert into processors (id, name, normalized_name, role, service, country, dpf_certified, dpf_expiry, covered_person, status, owner_user_id)
    select md5('p' || i)::uuid, 'Bench vendor ' || i, 'bench vendor ' || i, 'processor',
      (enum_range(null::processor_service))[1 + i % 9],
      (${pgArray(COUNTRIES)})[1 + i % ${COUNTRIES.length}],
      i % 3 = 0, date '2027-06-01' - (i % 400), i % 97 = 0, 'approved', null
    from generate_series(1, ${p}) i`);
  // One processor in ten is a sub-processor of another.
  await db.execute(sql`
    update processors set parent_processor_id = md5('p' || (n - 1))::uuid, role = 'sub_processor'
    from (select i as n from generate_series(2, ${p}) i where i % 10 = 0) s
    where id = md5('p' || s.n)::uuid`);
  await db.execute(sql`
    insert into transfers (id, activity_id, exporter_entity_id, processor_id, origin_country, destination_country, access_type,
      subject_regions, estimated_subjects, volume_unit, frequency, encryption_in_transit, encryption_at_rest, mechanism,
      tia_date, cisa_requirements_met, status)
    select md5('t' || i)::uuid, md5('a' || (1 + i % 100))::uuid,
      case when i % 20 = 0 then md5('e2')::uuid else md5('e1')::uuid end,
      md5('p' || (1 + i % ${p}))::uuid,
      case when i % 20 = 0 then 'CN' else 'US' end,
      (${pgArray(COUNTRIES)})[1 + (1 + i % ${p}) % ${COUNTRIES.length}],
      case when i % 3 = 0 then 'remote_access'::access_type else 'storage'::access_type end,
      case when i % 4 = 0 then array['EU'] when i % 4 = 1 then array['US-CA'] else array['EU', 'UK', 'US-CA'] end,
      (i * 7919) % 400000,
      case when i % 5 = 0 then 'devices'::volume_unit else 'people'::volume_unit end,
      (enum_range(null::frequency))[1 + i % 3],
      (enum_range(null::encryption_in_transit))[1 + i % 4],
      (enum_range(null::encryption_at_rest))[1 + i % 3],
      (enum_range(null::transfer_mechanism))[1 + i % 12],
      case when i % 3 = 0 then null else date '2026-01-01' - (i % 500) end,
      i % 2 = 0, 'approved'
    from generate_series(1, ${t}) i`);
  await db.execute(sql`
    insert into transfer_data_categories (transfer_id, category_key)
    select distinct md5('t' || i)::uuid, (${pgArray(CATEGORY_KEYS)})[1 + ((i * k * 31) % ${CATEGORY_KEYS.length})]
    from generate_series(1, ${t}) i, generate_series(1, 3) k`);
  await db.execute(sql`
    insert into safeguard_agreements (id, processor_id, type, scc_module, signed_date, effective_date, expiry_date,
      permits_subprocessing, flow_down, covers_all_transfers, document_ref)
    select md5('g' || i)::uuid, md5('p' || (1 + i % ${p}))::uuid,
      (enum_range(null::agreement_type))[1 + i % 9],
      case when i % 9 = 1 then 'module_2'::scc_module else null end,
      date '2024-01-01' + (i % 700), date '2024-01-01' + (i % 700),
      case when i % 5 = 0 then date '2026-06-01' + (i % 400) else null end,
      i % 2 = 0, i % 4 = 0, true, 'BENCH-' || i
    from generate_series(1, ${a}) i`);
  // As autovacuum would have left a real register (it vacuums insert-only tables since PostgreSQL 13): the
  // visibility map lets the snapshot's per-transfer category lookups use index-only scans.
  await db.execute(sql`vacuum analyze`);
}
