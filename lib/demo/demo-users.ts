import type { UserRole } from "@/db/schema/enums";

/*
 * The three demo accounts, one per role. They exist ONLY in demo mode: db/seed/demo.ts creates them with
 * the demo company on an empty database, and start-up disables every demo account when demo mode is off
 * (lib/startup.ts), because these passwords are public: they are printed at start-up and in the README.
 * The domain is under .example (RFC 2606), so no mail can ever reach a real mailbox.
 */

export interface DemoUser {
  role: UserRole;
  email: string;
  name: string;
  password: string;
}

export const DEMO_EMAIL_DOMAIN = "gncc-demo.example";

export const DEMO_USERS: readonly DemoUser[] = [
  { role: "dpo", email: `dpo@${DEMO_EMAIL_DOMAIN}`, name: "Hélène Marchand", password: "demo-dpo-2026" },
  { role: "engineer", email: `engineer@${DEMO_EMAIL_DOMAIN}`, name: "Wei Zhang", password: "demo-engineer-2026" },
  { role: "auditor", email: `auditor@${DEMO_EMAIL_DOMAIN}`, name: "Jordan Reyes", password: "demo-auditor-2026" },
];
