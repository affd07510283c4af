import { withAuth } from "next-auth/middleware";

/**
 * Only redirects anonymous browsers to the sign-in page. Authorization is not done here: every page,
 * route handler and server action checks the session and role itself (lib/auth/guard.ts).
 */
export default withAuth({ pages: { signIn: "/sign-in" } });

export const config = {
  // /setup is public (the first run without the demo: nobody can sign in yet); /setup/start checks its own session.
  matcher: ["/((?!api/|sign-in|setup|_next/|favicon.ico|robots.txt).*)"],
};
