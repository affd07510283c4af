import type { UserRole } from "@/db/schema/enums";

/*
 * Who performs a write, as the services see it. Either a signed-in user (or their API token) with a role, or
 * the system itself (seeds, the CLI, scheduled re-evaluation), named explicitly. Authorization fails closed:
 * a user actor is judged by its role, and only an actor that says it is the system is trusted without one.
 */
export interface UserActor {
  kind: "user";
  userId: string;
  tokenId: string | null;
  /** "Jane Doe <jane@…>", with " (API token)" when a token was used: what the audit trail shows. */
  label: string;
  role: UserRole;
}

export interface SystemActor {
  kind: "system";
  userId: null;
  tokenId: null;
  /** What the audit trail shows: "system", "cli: npm run user:create", "test"… */
  label: string;
}

export type ServiceActor = UserActor | SystemActor;

export function systemActor(label = "system"): SystemActor {
  return { kind: "system", userId: null, tokenId: null, label };
}

/** The service actor of an authenticated identity (a session or an API token). */
export function userActor(user: { id: string; name: string; email: string; role: UserRole; tokenId?: string | null }): UserActor {
  return {
    kind: "user",
    userId: user.id,
    tokenId: user.tokenId ?? null,
    label: `${user.name} <${user.email}>${user.tokenId ? " (API token)" : ""}`,
    role: user.role,
  };
}

export function isSystem(actor: ServiceActor): actor is SystemActor {
  return actor.kind === "system";
}

/** The actor's role, or "system". */
export function roleOf(actor: ServiceActor): UserRole | "system" {
  return actor.kind === "system" ? "system" : actor.role;
}
