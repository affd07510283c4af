CREATE TYPE "public"."locale" AS ENUM('en', 'fr');--> statement-breakpoint
CREATE TYPE "public"."security_measure" AS ENUM('access_control', 'traceability', 'software_protection', 'backup', 'encryption', 'subprocessor_control', 'physical_security', 'staff_awareness');--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "locale" "locale";--> statement-breakpoint
ALTER TABLE "processing_activities" ADD COLUMN "security_checklist" "security_measure"[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "processing_activities" ADD COLUMN "applications" text;--> statement-breakpoint
ALTER TABLE "processing_activities" ADD COLUMN "lia_reference" text;--> statement-breakpoint
ALTER TABLE "processing_activities" ADD COLUMN "consent_record_reference" text;--> statement-breakpoint
ALTER TABLE "processing_activities" ADD COLUMN "breach_occurred" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "processing_activities" ADD COLUMN "breach_record_reference" text;--> statement-breakpoint
ALTER TABLE "processing_activities" ADD COLUMN "schedule1_condition" text;--> statement-breakpoint
ALTER TABLE "processing_activities" ADD COLUMN "policy_document_reference" text;--> statement-breakpoint
ALTER TABLE "processing_activities" ADD COLUMN "retained_per_policy" boolean;--> statement-breakpoint
ALTER TABLE "processing_activities" ADD COLUMN "policy_deviation_reason" text;