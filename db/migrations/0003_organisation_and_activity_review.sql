ALTER TABLE "entities" ADD COLUMN "phone" text;--> statement-breakpoint
ALTER TABLE "entities" ADD COLUMN "uk_representative_contact" text;--> statement-breakpoint
ALTER TABLE "entities" ADD COLUMN "ciio" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "processing_activities" ADD COLUMN "status" "record_status" DEFAULT 'approved' NOT NULL;--> statement-breakpoint
ALTER TABLE "processing_activities" ADD COLUMN "created_by_user_id" uuid;--> statement-breakpoint
ALTER TABLE "processing_activities" ADD COLUMN "submitted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "processing_activities" ADD COLUMN "reviewed_by_user_id" uuid;--> statement-breakpoint
ALTER TABLE "processing_activities" ADD COLUMN "reviewed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "processing_activities" ADD COLUMN "review_comment" text;--> statement-breakpoint
ALTER TABLE "processing_activities" ADD CONSTRAINT "processing_activities_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "processing_activities" ADD CONSTRAINT "processing_activities_reviewed_by_user_id_users_id_fk" FOREIGN KEY ("reviewed_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;