import "server-only";
import { getServerSession } from "next-auth";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { db } from "@/db/client";
import { getUserById } from "@/db/queries/users";
import type { UserRole } from "@/db/schema";
import { actionError, problemResponse, type ActionError } from "@/lib/api/problem";
import { todayIso } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { enumLabel } from "@/lib/labels";
import type { ServiceContext } from "@/lib/services/context";
import { findActiveTokenByHash, touchTokenUsed } from "@/db/queries/tokens";
import { authOptions } from "./options";
import { assertApiTokenRate } from "./api-rate-limit";
import { isSameOriginRequest, isSameOriginWrite } from "./origin";
import { isSessionCurrent } from "./sessions";
import { userActor } from "./actor";
import { hashApiToken } from "./tokens";

export interface Actor {
  id: string;
  email: string;
  name: string;
  role: UserRole;
  /** Set when the request authenticated with an API token rather than the session cookie. */
  tokenId?: string;
}

export const ALL_ROLES: readonly UserRole[] = ["dpo", "engineer", "auditor"];

/**
 * Resolves the signed-in user from the session cookie and re-reads it from the database, so that a
 * disabled user or a changed role counts at once rather than when the JWT expires, and a session ended by
 * signing out or by a password or role change (its version is behind the user's: lib/auth/sessions.ts) is
 * refused like no session at all: 401 for the API, the sign-in page for a page.
 */
export async function currentActor(): Promise<Actor | null> {
  const session = await getServerSession(authOptions);
  if (!session?.user?.id) return null;
  const user = await getUserById({ db: db(), id: session.user.id });
  if (!user || user.disabledAt || !isSessionCurrent(session.user.sessionVersion, user)) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}

export function assertRole(actor: Actor | null, roles: readonly UserRole[]): Actor {
  if (!actor) throw new AppError("unauthenticated", "Sign in to continue.");
  if (!roles.includes(actor.role)) {
    // Roles by their labels ("DPO or Engineer"), as the app's header names them.
    const needed = roles.map((role) => enumLabel("userRole", role)).join(" or ");
    throw new AppError("forbidden", `This action needs the role ${needed}; your role is ${enumLabel("userRole", actor.role)}.`);
  }
  return actor;
}

/**
 * The actor of an HTTP request: a bearer token when the request has one (an invalid token is a 401, never a
 * fall-back to the cookie), else the session cookie, which may write only from the app's own origin (CSRF).
 */
export async function requestActor(request: Request): Promise<Actor | null> {
  const authorization = request.headers.get("authorization");
  if (authorization) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    if (!match) throw new AppError("unauthenticated", "The Authorization header must be 'Bearer <token>'.");
    const found = await findActiveTokenByHash({ db: db(), tokenHash: hashApiToken(match[1]!) });
    if (!found) throw new AppError("unauthenticated", "The API token is invalid, expired or revoked, or its owner is disabled.");
    // Before any work, even marking the token used: a token over its rate costs one indexed read.
    assertApiTokenRate(found.token.id);
    await touchTokenUsed({ db: db(), id: found.token.id });
    const { user, token } = found;
    return { id: user.id, email: user.email, name: user.name, role: user.role, tokenId: token.id };
  }
  const actor = await currentActor();
  if (actor && !isSameOriginWrite(request)) {
    throw new AppError("forbidden", "Cross-site request refused: writes with a session cookie must come from this application.");
  }
  return actor;
}

type RouteContext<P> = { params: Promise<P> };
export type RoleAccess = { roles: readonly UserRole[] };
export type Access = RoleAccess | { public: true };

/** What a handler that requires a role receives: a non-null actor and the service context built from it. */
export interface RoleRouteInput<P> {
  request: Request;
  actor: Actor;
  ctx: ServiceContext;
  params: P;
}

export interface PublicRouteInput<P> {
  request: Request;
  actor: null;
  params: P;
}

/** The service context of an authenticated request: the request's database, the actor, today's date. */
export function serviceContext(actor: Actor): ServiceContext {
  return { db: db(), actor: userActor(actor), today: todayIso() };
}

/**
 * The one wrapper every route handler goes through: it authenticates, checks the role, and maps any
 * error to problem+json (lib/api/problem.ts). A route is public only when it says so.
 */
export function route<P = Record<string, string>>(
  access: RoleAccess,
  handler: (input: RoleRouteInput<P>) => Promise<Response>,
): ((request: Request, context: RouteContext<P>) => Promise<Response>) & { access: Access };
export function route<P = Record<string, string>>(
  access: { public: true },
  handler: (input: PublicRouteInput<P>) => Promise<Response>,
): ((request: Request, context: RouteContext<P>) => Promise<Response>) & { access: Access };
export function route<P>(access: Access, handler: (input: never) => Promise<Response>) {
  const wrapped = async (request: Request, context: RouteContext<P>): Promise<Response> => {
    try {
      const params = (await context?.params) ?? ({} as P);
      if ("public" in access) return await (handler as (input: PublicRouteInput<P>) => Promise<Response>)({ request, actor: null, params });
      const actor = assertRole(await requestActor(request), access.roles);
      return await (handler as (input: RoleRouteInput<P>) => Promise<Response>)({ request, actor, ctx: serviceContext(actor), params });
    } catch (error) {
      return problemResponse(error, new URL(request.url).pathname);
    }
  };
  return Object.assign(wrapped, { access });
}

/** For server components: the page's actor, or a redirect to sign-in (or a 403 page for a wrong role). */
export async function requirePageActor(roles: readonly UserRole[] = ALL_ROLES): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) redirect("/sign-in");
  if (!roles.includes(actor.role)) redirect("/forbidden");
  return actor;
}

export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: ActionError };

/**
 * The headers of the request that invoked a server action, or null when the action was called directly from
 * server code (a test, a script): there is no request then, and so no cross-site request to refuse. Next
 * throws outside a request scope; in a real action the scope always exists, and any other error propagates.
 */
async function actionRequestHeaders(): Promise<Headers | null> {
  try {
    return await headers();
  } catch (error) {
    if (error instanceof Error && /outside a request scope/.test(error.message)) return null;
    throw error;
  }
}

/**
 * Server actions carry the session cookie, so they are writes that only the app's own pages may send (the
 * same rule as isSameOriginWrite for route handlers). Next refuses a foreign origin itself before the action
 * runs, with a 500; proxy.ts answers such requests with a 403 first, and this check keeps the rule should
 * Next's be configured away (serverActions.allowedOrigins).
 */
async function assertSameOriginAction(): Promise<void> {
  const requestHeaders = await actionRequestHeaders();
  if (requestHeaders && !isSameOriginRequest(requestHeaders)) {
    throw new AppError("forbidden", "Cross-site request refused: actions must come from this application's own pages.");
  }
}

/**
 * The one wrapper every server action goes through: it refuses a foreign origin, authenticates, checks the
 * role, and turns errors into a result the form can show next to its fields (the same codes and messages as
 * the API's problems).
 */
export function action<I, O>(access: RoleAccess, handler: (input: { actor: Actor; ctx: ServiceContext; input: I }) => Promise<O>) {
  const wrapped = async (input: I): Promise<ActionResult<O>> => {
    try {
      await assertSameOriginAction();
      const actor = assertRole(await currentActor(), access.roles);
      return { ok: true, data: await handler({ actor, ctx: serviceContext(actor), input }) };
    } catch (error) {
      return { ok: false, error: actionError(error) };
    }
  };
  return Object.assign(wrapped, { access });
}
