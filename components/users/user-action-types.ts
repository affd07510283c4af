import type { UserRole } from "@/db/schema/enums";
import type { ActionResult } from "@/lib/auth/guard";

/** A user account as the users page's forms get it back (no secret, dates as ISO strings). */
export interface UserSummary {
  id: string;
  email: string;
  name: string;
  role: UserRole;
  version: number;
  disabled: boolean;
}

export interface CreateUserRequest {
  email: string;
  name: string;
  role: string;
  password: string;
}

/** The account and the version the DPO saw when the page rendered. */
export interface UserRefRequest {
  userId: string;
  version: number;
}

export interface ChangeRoleRequest extends UserRefRequest {
  role: string;
}

/** The users page's server actions, passed in by the page so that components never import from app/. */
export interface UserAdminActions {
  createUser: (input: CreateUserRequest) => Promise<ActionResult<UserSummary>>;
  changeRole: (input: ChangeRoleRequest) => Promise<ActionResult<UserSummary>>;
  disableUser: (input: UserRefRequest) => Promise<ActionResult<UserSummary>>;
  enableUser: (input: UserRefRequest) => Promise<ActionResult<UserSummary>>;
}
