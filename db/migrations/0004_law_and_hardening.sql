CREATE TYPE "public"."doj_exemption" AS ENUM('personal_communications', 'information_materials', 'travel', 'official_government_business', 'financial_services', 'corporate_group', 'required_by_federal_law', 'cfius_mitigated_investment', 'telecommunications', 'regulatory_approval', 'clinical_investigation');--> statement-breakpoint
CREATE TYPE "public"."doj_identifier_kind" AS ENUM('government_id', 'financial_account', 'device', 'demographic_contact', 'advertising_id', 'account_authentication', 'network', 'call_detail');--> statement-breakpoint
CREATE TYPE "public"."pipl_exemption" AS ENUM('contract_with_individual', 'cross_border_hr', 'emergency');--> statement-breakpoint
ALTER TYPE "public"."agreement_type" ADD VALUE 'joint_controller_arrangement' BEFORE 'bcr';--> statement-breakpoint
ALTER TYPE "public"."doj_category" ADD VALUE 'genomic' BEFORE 'omic';--> statement-breakpoint
ALTER TYPE "public"."doj_category" ADD VALUE 'government_related' BEFORE 'none';--> statement-breakpoint
ALTER TYPE "public"."transfer_mechanism" ADD VALUE 'gba_standard_contract' BEFORE 'none';--> statement-breakpoint
CREATE TABLE "audit_checkpoints" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"last_event_id" bigint NOT NULL,
	"event_count" bigint NOT NULL,
	"head_hash" text NOT NULL,
	"signature" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "session_version" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "data_categories" ADD COLUMN "doj_identifier_kind" "doj_identifier_kind";--> statement-breakpoint
ALTER TABLE "processors" ADD COLUMN "dpf_uk_extension" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "transfers" ADD COLUMN "doj_exemption" "doj_exemption";--> statement-breakpoint
ALTER TABLE "transfers" ADD COLUMN "doj_exemption_justification" text;--> statement-breakpoint
ALTER TABLE "transfers" ADD COLUMN "important_data" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "transfers" ADD COLUMN "pipl_exemption" "pipl_exemption";--> statement-breakpoint
ALTER TABLE "transfers" ADD COLUMN "pipl_separate_consent" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "transfers" ADD COLUMN "pipia_date" date;--> statement-breakpoint
ALTER TABLE "audit_events" ADD COLUMN "mac" text;--> statement-breakpoint
ALTER TABLE "transfers" ADD CONSTRAINT "transfers_doj_exemption_justified" CHECK ("transfers"."doj_exemption" is null or length(trim(coalesce("transfers"."doj_exemption_justification", ''))) > 0);--> statement-breakpoint
-- Listed identifiers recorded before the 202.234 kind existed get the kind their key says; anything else
-- listed is a device identifier (the conservative kind: it is never excluded by 202.212(b)). The reference
-- taxonomy is rewritten with its own kinds at the next start-up.
UPDATE "data_categories" SET "doj_identifier_kind" = (CASE
	WHEN "key" LIKE 'user.contact%' OR "key" LIKE 'user.name%' OR "key" LIKE 'user.demographic%' THEN 'demographic_contact'
	WHEN "key" LIKE '%advertising%' THEN 'advertising_id'
	WHEN "key" LIKE '%account%' OR "key" LIKE '%authentication%' OR "key" LIKE '%credentials%' THEN 'account_authentication'
	WHEN "key" LIKE '%ip_address%' OR "key" LIKE '%cookie%' OR "key" LIKE '%network%' THEN 'network'
	WHEN "key" LIKE '%government_id%' OR "key" LIKE '%national_identification%' THEN 'government_id'
	WHEN "key" LIKE '%financial.account%' THEN 'financial_account'
	ELSE 'device' END)::"doj_identifier_kind"
WHERE "doj_listed_identifier" = true;
