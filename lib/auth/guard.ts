import "server-only";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { db } from "@/db/client";
import { getUserById } from "@/db/queries/users";
import type { UserRole } from "@/db/schema";
import { actionError, problemResponse, type ActionError } from "@/lib/api/problem";
import { todayIso } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import type { ServiceContext } from "@/lib/services/context";
import { findActiveTokenByHash, touchTokenUsed } from "@/db/queries/tokens";
import { authOptions } from "./options";
import { isSameOriginWrite } from "./request";
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
 * disabled user or a changed role counts at once rather than when the JWT expires.
 */
export async function currentActor(): Promise<Actor | null> {
  const session = await getServerSession(authOptions);
  if (!session?.user?.id) return null;
  const user = await getUserById({ db: db(), id: session.user.id });
  if (!user || user.disabledAt) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}

export function assertRole(actor: Actor | null, roles: readonly UserRole[]): Actor {
  if (!actor) throw new AppError("unauthenticated", "Sign in to continue.");
  if (!roles.includes(actor.role)) {
    throw new AppError("forbidden", `This action needs the role ${roles.join(" or ")}; you are ${actor.role}.`);
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
 * The one wrapper every server action goes through: it authenticates, checks the role, and turns errors
 * into a result the form can show next to its fields (the same codes and messages as the API's problems).
 */
export function action<I, O>(access: RoleAccess, handler: (input: { actor: Actor; ctx: ServiceContext; input: I }) => Promise<O>) {
  const wrapped = async (input: I): Promise<ActionResult<O>> => {
    try {
      const actor = assertRole(await currentActor(), access.roles);
      return { ok: true, data: await handler({ actor, ctx: serviceContext(actor), input }) };
    } catch (error) {
      return { ok: false, error: actionError(error) };
    }
  };
  return Object.assign(wrapped, { access });
}
