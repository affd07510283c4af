CREATE TYPE "public"."access_type" AS ENUM('storage', 'remote_access');--> statement-breakpoint
CREATE TYPE "public"."agreement_type" AS ENUM('dpa', 'scc', 'pipl_standard_contract', 'hk_model_clauses', 'gba_standard_contract', 'confidentiality', 'ccpa_service_provider', 'bcr', 'other');--> statement-breakpoint
CREATE TYPE "public"."art9_condition" AS ENUM('explicit_consent', 'employment_social_security', 'vital_interests', 'not_for_profit_body', 'manifestly_made_public', 'legal_claims', 'substantial_public_interest', 'health_or_social_care', 'public_health', 'archiving_research_statistics');--> statement-breakpoint
CREATE TYPE "public"."ccpa_category" AS ENUM('A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L');--> statement-breakpoint
CREATE TYPE "public"."disclosure_type" AS ENUM('business_purpose', 'sale', 'sharing', 'data_brokerage');--> statement-breakpoint
CREATE TYPE "public"."doj_category" AS ENUM('omic', 'biometric', 'precise_geolocation', 'covered_identifier', 'health', 'financial', 'none');--> statement-breakpoint
CREATE TYPE "public"."encryption_at_rest" AS ENUM('none', 'provider_keys', 'customer_keys');--> statement-breakpoint
CREATE TYPE "public"."encryption_in_transit" AS ENUM('none', 'tls1_2', 'tls1_3', 'end_to_end');--> statement-breakpoint
CREATE TYPE "public"."entity_role" AS ENUM('controller', 'processor');--> statement-breakpoint
CREATE TYPE "public"."flag_status" AS ENUM('open', 'accepted', 'resolved');--> statement-breakpoint
CREATE TYPE "public"."flag_subject_type" AS ENUM('transfer', 'processor', 'agreement');--> statement-breakpoint
CREATE TYPE "public"."frequency" AS ENUM('continuous', 'periodic', 'one_off');--> statement-breakpoint
CREATE TYPE "public"."legal_basis" AS ENUM('consent', 'contract', 'legal_obligation', 'vital_interests', 'public_task', 'legitimate_interests');--> statement-breakpoint
CREATE TYPE "public"."processor_role" AS ENUM('processor', 'sub_processor', 'controller', 'joint_controller', 'affiliate');--> statement-breakpoint
CREATE TYPE "public"."processor_service" AS ENUM('hosting', 'technical_support', 'advertising', 'push_messaging', 'analytics', 'ecommerce_platform', 'payments', 'customer_support', 'other');--> statement-breakpoint
CREATE TYPE "public"."record_status" AS ENUM('draft', 'submitted', 'approved', 'rejected', 'offboarded');--> statement-breakpoint
CREATE TYPE "public"."scc_module" AS ENUM('module_1', 'module_2', 'module_3', 'module_4');--> statement-breakpoint
CREATE TYPE "public"."severity" AS ENUM('low', 'medium', 'high', 'critical');--> statement-breakpoint
CREATE TYPE "public"."transfer_mechanism" AS ENUM('adequacy', 'dpf', 'scc', 'bcr', 'art49_consent', 'art49_contract', 'art49_other', 'pipl_standard_contract', 'pipl_certification', 'cac_assessment', 'hk_model_clauses', 'none');--> statement-breakpoint
CREATE TYPE "public"."transfer_status" AS ENUM('draft', 'submitted', 'approved', 'rejected', 'ended');--> statement-breakpoint
CREATE TYPE "public"."user_role" AS ENUM('dpo', 'engineer', 'auditor');--> statement-breakpoint
CREATE TYPE "public"."volume_unit" AS ENUM('people', 'devices');--> statement-breakpoint
CREATE TABLE "api_tokens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"name" text NOT NULL,
	"token_hash" text NOT NULL,
	"prefix" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone,
	"expires_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "api_tokens_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"role" "user_role" NOT NULL,
	"password_hash" text,
	"is_demo" boolean DEFAULT false NOT NULL,
	"disabled_at" timestamp with time zone,
	"last_sign_in_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "entities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"legal_name" text,
	"country" varchar(2) NOT NULL,
	"role" "entity_role" NOT NULL,
	"address" text,
	"dpo_contact" text,
	"representative_contact" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "entities_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "data_categories" (
	"key" text PRIMARY KEY NOT NULL,
	"parent_key" text,
	"name" text NOT NULL,
	"description" text,
	"gdpr_special" boolean DEFAULT false NOT NULL,
	"ccpa_category" "ccpa_category",
	"ccpa_sensitive" boolean DEFAULT false NOT NULL,
	"pipl_sensitive" boolean DEFAULT false NOT NULL,
	"doj_category" "doj_category" DEFAULT 'none' NOT NULL,
	"doj_listed_identifier" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "processors" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"normalized_name" text NOT NULL,
	"legal_name" text,
	"website" text,
	"role" "processor_role" NOT NULL,
	"service" "processor_service" NOT NULL,
	"country" varchar(2) NOT NULL,
	"parent_processor_id" uuid,
	"dpf_certified" boolean DEFAULT false NOT NULL,
	"dpf_expiry" date,
	"covered_person" boolean DEFAULT false NOT NULL,
	"owner_user_id" uuid,
	"status" "record_status" DEFAULT 'draft' NOT NULL,
	"notes" text,
	"external_id" text,
	"created_by_user_id" uuid,
	"submitted_at" timestamp with time zone,
	"reviewed_by_user_id" uuid,
	"reviewed_at" timestamp with time zone,
	"review_comment" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "processing_activities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"controller_entity_id" uuid NOT NULL,
	"joint_controller" text,
	"business_function" text,
	"purpose" text NOT NULL,
	"legal_basis" "legal_basis" NOT NULL,
	"legitimate_interest" text,
	"art9_condition" "art9_condition",
	"disclosure_type" "disclosure_type" DEFAULT 'business_purpose' NOT NULL,
	"data_subject_categories" text[] DEFAULT '{}' NOT NULL,
	"retention_period" text,
	"security_measures" text,
	"source" text,
	"automated_decision_making" boolean DEFAULT false NOT NULL,
	"dpia_required" boolean DEFAULT false NOT NULL,
	"dpia_reference" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "processing_activities_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "transfer_data_categories" (
	"transfer_id" uuid NOT NULL,
	"category_key" text NOT NULL,
	CONSTRAINT "transfer_data_categories_transfer_id_category_key_pk" PRIMARY KEY("transfer_id","category_key")
);
--> statement-breakpoint
CREATE TABLE "transfers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"activity_id" uuid NOT NULL,
	"exporter_entity_id" uuid NOT NULL,
	"processor_id" uuid NOT NULL,
	"origin_country" varchar(2) NOT NULL,
	"destination_country" varchar(2) NOT NULL,
	"access_type" "access_type" DEFAULT 'storage' NOT NULL,
	"subject_regions" text[] DEFAULT '{}' NOT NULL,
	"estimated_subjects" integer DEFAULT 0 NOT NULL,
	"volume_unit" "volume_unit" DEFAULT 'people' NOT NULL,
	"frequency" "frequency" DEFAULT 'continuous' NOT NULL,
	"encryption_in_transit" "encryption_in_transit" DEFAULT 'none' NOT NULL,
	"encryption_at_rest" "encryption_at_rest" DEFAULT 'none' NOT NULL,
	"mechanism" "transfer_mechanism" DEFAULT 'none' NOT NULL,
	"tia_date" date,
	"cisa_requirements_met" boolean DEFAULT false NOT NULL,
	"re_export_of_foreign_data" boolean DEFAULT false NOT NULL,
	"start_date" date,
	"end_date" date,
	"status" "transfer_status" DEFAULT 'draft' NOT NULL,
	"notes" text,
	"external_id" text,
	"created_by_user_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "transfers_estimated_subjects_nonnegative" CHECK ("transfers"."estimated_subjects" >= 0)
);
--> statement-breakpoint
CREATE TABLE "agreement_transfers" (
	"agreement_id" uuid NOT NULL,
	"transfer_id" uuid NOT NULL,
	CONSTRAINT "agreement_transfers_agreement_id_transfer_id_pk" PRIMARY KEY("agreement_id","transfer_id")
);
--> statement-breakpoint
CREATE TABLE "safeguard_agreements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"processor_id" uuid NOT NULL,
	"type" "agreement_type" NOT NULL,
	"scc_module" "scc_module",
	"signed_date" date,
	"effective_date" date,
	"expiry_date" date,
	"permits_subprocessing" boolean DEFAULT false NOT NULL,
	"flow_down" boolean DEFAULT false NOT NULL,
	"document_ref" text,
	"covers_all_transfers" boolean DEFAULT true NOT NULL,
	"notes" text,
	"external_id" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "flags" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"rule_id" text NOT NULL,
	"subject_type" "flag_subject_type" NOT NULL,
	"subject_id" uuid NOT NULL,
	"processor_id" uuid,
	"severity" "severity" NOT NULL,
	"message" text NOT NULL,
	"facts" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"citation" text NOT NULL,
	"remediation" text NOT NULL,
	"status" "flag_status" DEFAULT 'open' NOT NULL,
	"first_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"resolved_at" timestamp with time zone,
	"accepted_by_user_id" uuid,
	"accepted_at" timestamp with time zone,
	"acceptance_justification" text,
	"accepted_until" date,
	"accepted_severity" "severity",
	"accepted_facts" jsonb,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_user_id" uuid,
	"actor_token_id" uuid,
	"actor_label" text NOT NULL,
	"action" text NOT NULL,
	"record_type" text NOT NULL,
	"record_id" text,
	"before" jsonb,
	"after" jsonb,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "app_state" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_categories" ADD CONSTRAINT "data_categories_parent_key_data_categories_key_fk" FOREIGN KEY ("parent_key") REFERENCES "public"."data_categories"("key") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "processors" ADD CONSTRAINT "processors_parent_processor_id_processors_id_fk" FOREIGN KEY ("parent_processor_id") REFERENCES "public"."processors"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "processors" ADD CONSTRAINT "processors_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "processors" ADD CONSTRAINT "processors_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "processors" ADD CONSTRAINT "processors_reviewed_by_user_id_users_id_fk" FOREIGN KEY ("reviewed_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "processing_activities" ADD CONSTRAINT "processing_activities_controller_entity_id_entities_id_fk" FOREIGN KEY ("controller_entity_id") REFERENCES "public"."entities"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transfer_data_categories" ADD CONSTRAINT "transfer_data_categories_transfer_id_transfers_id_fk" FOREIGN KEY ("transfer_id") REFERENCES "public"."transfers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transfer_data_categories" ADD CONSTRAINT "transfer_data_categories_category_key_data_categories_key_fk" FOREIGN KEY ("category_key") REFERENCES "public"."data_categories"("key") ON DELETE restrict ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "transfers" ADD CONSTRAINT "transfers_activity_id_processing_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."processing_activities"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transfers" ADD CONSTRAINT "transfers_exporter_entity_id_entities_id_fk" FOREIGN KEY ("exporter_entity_id") REFERENCES "public"."entities"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transfers" ADD CONSTRAINT "transfers_processor_id_processors_id_fk" FOREIGN KEY ("processor_id") REFERENCES "public"."processors"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transfers" ADD CONSTRAINT "transfers_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_transfers" ADD CONSTRAINT "agreement_transfers_agreement_id_safeguard_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."safeguard_agreements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_transfers" ADD CONSTRAINT "agreement_transfers_transfer_id_transfers_id_fk" FOREIGN KEY ("transfer_id") REFERENCES "public"."transfers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "safeguard_agreements" ADD CONSTRAINT "safeguard_agreements_processor_id_processors_id_fk" FOREIGN KEY ("processor_id") REFERENCES "public"."processors"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "flags" ADD CONSTRAINT "flags_processor_id_processors_id_fk" FOREIGN KEY ("processor_id") REFERENCES "public"."processors"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "flags" ADD CONSTRAINT "flags_accepted_by_user_id_users_id_fk" FOREIGN KEY ("accepted_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_actor_token_id_api_tokens_id_fk" FOREIGN KEY ("actor_token_id") REFERENCES "public"."api_tokens"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "api_tokens_user_idx" ON "api_tokens" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_lower_key" ON "users" USING btree (lower("email"));--> statement-breakpoint
CREATE INDEX "data_categories_parent_idx" ON "data_categories" USING btree ("parent_key");--> statement-breakpoint
CREATE UNIQUE INDEX "processors_normalized_name_key" ON "processors" USING btree ("normalized_name");--> statement-breakpoint
CREATE UNIQUE INDEX "processors_external_id_key" ON "processors" USING btree ("external_id") WHERE "processors"."external_id" is not null;--> statement-breakpoint
CREATE INDEX "processors_parent_idx" ON "processors" USING btree ("parent_processor_id");--> statement-breakpoint
CREATE INDEX "processors_status_idx" ON "processors" USING btree ("status");--> statement-breakpoint
CREATE INDEX "processors_country_idx" ON "processors" USING btree ("country");--> statement-breakpoint
CREATE INDEX "processors_name_idx" ON "processors" USING btree ("name");--> statement-breakpoint
CREATE INDEX "transfer_data_categories_category_idx" ON "transfer_data_categories" USING btree ("category_key");--> statement-breakpoint
CREATE INDEX "transfers_processor_idx" ON "transfers" USING btree ("processor_id");--> statement-breakpoint
CREATE INDEX "transfers_activity_idx" ON "transfers" USING btree ("activity_id");--> statement-breakpoint
CREATE INDEX "transfers_exporter_processor_idx" ON "transfers" USING btree ("exporter_entity_id","processor_id");--> statement-breakpoint
CREATE INDEX "transfers_destination_idx" ON "transfers" USING btree ("destination_country");--> statement-breakpoint
CREATE INDEX "transfers_status_idx" ON "transfers" USING btree ("status");--> statement-breakpoint
CREATE UNIQUE INDEX "transfers_external_id_key" ON "transfers" USING btree ("external_id") WHERE "transfers"."external_id" is not null;--> statement-breakpoint
CREATE INDEX "agreement_transfers_transfer_idx" ON "agreement_transfers" USING btree ("transfer_id");--> statement-breakpoint
CREATE INDEX "safeguard_agreements_processor_idx" ON "safeguard_agreements" USING btree ("processor_id");--> statement-breakpoint
CREATE INDEX "safeguard_agreements_expiry_idx" ON "safeguard_agreements" USING btree ("expiry_date");--> statement-breakpoint
CREATE UNIQUE INDEX "safeguard_agreements_external_id_key" ON "safeguard_agreements" USING btree ("external_id") WHERE "safeguard_agreements"."external_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "flags_rule_subject_key" ON "flags" USING btree ("rule_id","subject_type","subject_id");--> statement-breakpoint
CREATE INDEX "flags_subject_idx" ON "flags" USING btree ("subject_type","subject_id");--> statement-breakpoint
CREATE INDEX "flags_processor_idx" ON "flags" USING btree ("processor_id");--> statement-breakpoint
CREATE INDEX "flags_status_severity_idx" ON "flags" USING btree ("status","severity");--> statement-breakpoint
CREATE INDEX "audit_events_record_idx" ON "audit_events" USING btree ("record_type","record_id");--> statement-breakpoint
CREATE INDEX "audit_events_occurred_idx" ON "audit_events" USING btree ("occurred_at");