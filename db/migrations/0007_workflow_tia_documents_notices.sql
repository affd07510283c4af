CREATE TYPE "public"."delivery_status" AS ENUM('pending', 'delivered', 'retrying', 'failed');--> statement-breakpoint
CREATE TYPE "public"."document_kind" AS ENUM('dpa', 'scc', 'pipl_standard_contract', 'hk_model_clauses', 'tia', 'dpia', 'pipia', 'other');--> statement-breakpoint
CREATE TYPE "public"."flag_work_status" AS ENUM('to_do', 'in_progress', 'waiting_for_vendor');--> statement-breakpoint
CREATE TYPE "public"."notice_statement_kind" AS ENUM('data_category', 'recipient_category', 'named_recipient', 'country', 'storage_location', 'no_sale', 'no_sharing', 'encryption_in_transit', 'encryption_at_rest', 'overseas_agreements');--> statement-breakpoint
CREATE TYPE "public"."notification_channel" AS ENUM('email', 'webhook');--> statement-breakpoint
CREATE TYPE "public"."notification_event" AS ENUM('critical_flag', 'agreement_expiring', 'vendor_submitted', 'flag_assigned', 'flag_overdue', 'daily_digest');--> statement-breakpoint
CREATE TYPE "public"."tia_outcome" AS ENUM('proceed', 'proceed_with_measures', 'suspend');--> statement-breakpoint
CREATE TYPE "public"."tia_risk_level" AS ENUM('low', 'medium', 'high');--> statement-breakpoint
CREATE TYPE "public"."tia_status" AS ENUM('draft', 'completed', 'review_required');--> statement-breakpoint
ALTER TYPE "public"."flag_subject_type" ADD VALUE 'activity';--> statement-breakpoint
ALTER TYPE "public"."flag_subject_type" ADD VALUE 'notice';--> statement-breakpoint
CREATE TABLE "flag_comments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"flag_id" uuid NOT NULL,
	"author_user_id" uuid,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tia_assessments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"transfer_id" uuid NOT NULL,
	"status" "tia_status" DEFAULT 'draft' NOT NULL,
	"transfer_description" text,
	"tool_description" text,
	"profile_country" text,
	"profile_as_of" date,
	"law_assessment" text,
	"risk_level" "tia_risk_level",
	"measures" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"procedural_steps" text,
	"review_interval_months" integer DEFAULT 12 NOT NULL,
	"outcome" "tia_outcome",
	"conclusion" text,
	"author_user_id" uuid,
	"reviewer_user_id" uuid,
	"completed_on" date,
	"completed_at" timestamp with time zone,
	"basis" jsonb,
	"review_reason" text,
	"review_required_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tia_assessments_review_interval" CHECK ("tia_assessments"."review_interval_months" between 1 and 60),
	CONSTRAINT "tia_assessments_completed_outcome" CHECK ("tia_assessments"."status" = 'draft' or ("tia_assessments"."outcome" is not null and "tia_assessments"."completed_on" is not null))
);
--> statement-breakpoint
CREATE TABLE "document_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"document_id" uuid NOT NULL,
	"version_number" integer NOT NULL,
	"file_name" text NOT NULL,
	"media_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"uploaded_by_user_id" uuid,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "document_versions_size_positive" CHECK ("document_versions"."size_bytes" > 0)
);
--> statement-breakpoint
CREATE TABLE "documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" "document_kind" NOT NULL,
	"title" text NOT NULL,
	"agreement_id" uuid,
	"transfer_id" uuid,
	"activity_id" uuid,
	"tia_id" uuid,
	"created_by_user_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "documents_one_owner" CHECK (num_nonnulls("documents"."agreement_id", "documents"."transfer_id", "documents"."activity_id", "documents"."tia_id") = 1)
);
--> statement-breakpoint
CREATE TABLE "notification_deliveries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"notification_id" uuid NOT NULL,
	"channel" "notification_channel" NOT NULL,
	"user_id" uuid,
	"endpoint_id" uuid,
	"target" text NOT NULL,
	"status" "delivery_status" DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_response_status" integer,
	"last_error" text,
	"delivered_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notification_settings" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"email_enabled" boolean DEFAULT true NOT NULL,
	"daily_digest" boolean DEFAULT true NOT NULL,
	"events" "notification_event"[] DEFAULT '{}' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event" "notification_event" NOT NULL,
	"dedupe_key" text NOT NULL,
	"recipient_user_id" uuid,
	"payload" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "webhook_endpoints" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"url" text NOT NULL,
	"secret" text NOT NULL,
	"events" "notification_event"[] DEFAULT '{}' NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_by_user_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notice_statements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"notice_id" uuid NOT NULL,
	"kind" "notice_statement_kind" NOT NULL,
	"value" text,
	"non_exhaustive" boolean DEFAULT false NOT NULL,
	"quote" text NOT NULL,
	"section" text NOT NULL,
	"language" "locale" DEFAULT 'en' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"version_label" text NOT NULL,
	"effective_date" date NOT NULL,
	"languages" "locale"[] DEFAULT '{}' NOT NULL,
	"text" text,
	"url" text,
	"sha256" text,
	"created_by_user_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "transfers" ADD COLUMN "tia_review_reason" text;--> statement-breakpoint
ALTER TABLE "flags" ADD COLUMN "message_fr" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "flags" ADD COLUMN "assignee_user_id" uuid;--> statement-breakpoint
ALTER TABLE "flags" ADD COLUMN "due_date" date;--> statement-breakpoint
ALTER TABLE "flags" ADD COLUMN "work_status" "flag_work_status" DEFAULT 'to_do' NOT NULL;--> statement-breakpoint
ALTER TABLE "flag_comments" ADD CONSTRAINT "flag_comments_flag_id_flags_id_fk" FOREIGN KEY ("flag_id") REFERENCES "public"."flags"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "flag_comments" ADD CONSTRAINT "flag_comments_author_user_id_users_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tia_assessments" ADD CONSTRAINT "tia_assessments_transfer_id_transfers_id_fk" FOREIGN KEY ("transfer_id") REFERENCES "public"."transfers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tia_assessments" ADD CONSTRAINT "tia_assessments_author_user_id_users_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tia_assessments" ADD CONSTRAINT "tia_assessments_reviewer_user_id_users_id_fk" FOREIGN KEY ("reviewer_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_versions" ADD CONSTRAINT "document_versions_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_versions" ADD CONSTRAINT "document_versions_uploaded_by_user_id_users_id_fk" FOREIGN KEY ("uploaded_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_agreement_id_safeguard_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."safeguard_agreements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_transfer_id_transfers_id_fk" FOREIGN KEY ("transfer_id") REFERENCES "public"."transfers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_activity_id_processing_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."processing_activities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_tia_id_tia_assessments_id_fk" FOREIGN KEY ("tia_id") REFERENCES "public"."tia_assessments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_deliveries" ADD CONSTRAINT "notification_deliveries_notification_id_notifications_id_fk" FOREIGN KEY ("notification_id") REFERENCES "public"."notifications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_deliveries" ADD CONSTRAINT "notification_deliveries_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_deliveries" ADD CONSTRAINT "notification_deliveries_endpoint_id_webhook_endpoints_id_fk" FOREIGN KEY ("endpoint_id") REFERENCES "public"."webhook_endpoints"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_settings" ADD CONSTRAINT "notification_settings_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_recipient_user_id_users_id_fk" FOREIGN KEY ("recipient_user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_endpoints" ADD CONSTRAINT "webhook_endpoints_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notice_statements" ADD CONSTRAINT "notice_statements_notice_id_notices_id_fk" FOREIGN KEY ("notice_id") REFERENCES "public"."notices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notices" ADD CONSTRAINT "notices_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "flag_comments_flag_idx" ON "flag_comments" USING btree ("flag_id","created_at");--> statement-breakpoint
CREATE INDEX "tia_assessments_transfer_idx" ON "tia_assessments" USING btree ("transfer_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "document_versions_number_key" ON "document_versions" USING btree ("document_id","version_number");--> statement-breakpoint
CREATE INDEX "document_versions_sha256_idx" ON "document_versions" USING btree ("sha256");--> statement-breakpoint
CREATE INDEX "documents_agreement_idx" ON "documents" USING btree ("agreement_id");--> statement-breakpoint
CREATE INDEX "documents_transfer_idx" ON "documents" USING btree ("transfer_id");--> statement-breakpoint
CREATE INDEX "documents_activity_idx" ON "documents" USING btree ("activity_id");--> statement-breakpoint
CREATE INDEX "documents_tia_idx" ON "documents" USING btree ("tia_id");--> statement-breakpoint
CREATE INDEX "notification_deliveries_due_idx" ON "notification_deliveries" USING btree ("status","next_attempt_at");--> statement-breakpoint
CREATE INDEX "notification_deliveries_notification_idx" ON "notification_deliveries" USING btree ("notification_id");--> statement-breakpoint
CREATE UNIQUE INDEX "notifications_dedupe_key" ON "notifications" USING btree ("dedupe_key");--> statement-breakpoint
CREATE INDEX "notifications_created_idx" ON "notifications" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "notice_statements_notice_idx" ON "notice_statements" USING btree ("notice_id","kind");--> statement-breakpoint
CREATE INDEX "notices_effective_idx" ON "notices" USING btree ("effective_date");--> statement-breakpoint
ALTER TABLE "flags" ADD CONSTRAINT "flags_assignee_user_id_users_id_fk" FOREIGN KEY ("assignee_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "flags_assignee_idx" ON "flags" USING btree ("assignee_user_id","status");--> statement-breakpoint
CREATE INDEX "flags_due_idx" ON "flags" USING btree ("due_date");