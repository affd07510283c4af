import { db } from "@/db/client";
import { readJsonBody } from "@/lib/api/body";
import { route } from "@/lib/auth/guard";
import { clientAddress, isSameOriginWrite } from "@/lib/auth/request";
import { todayIso } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { completeSetup, setupContext } from "@/lib/setup/service";

export const dynamic = "force-dynamic";

/**
 * The first DPO of a fresh installation (the /setup form): public, because nobody can sign in yet; the one-time
 * code printed in the server log is the credential, and wrong codes are rate limited per client address.
 * 201 with the account; 422 naming the invalid fields (a wrong code under `code`); 409 once set up; 429.
 */
export const POST = route({ public: true }, async ({ request }) => {
  if (!isSameOriginWrite(request)) {
    throw new AppError("forbidden", "Cross-site request refused: the set-up form must be sent from this application.");
  }
  const body = await readJsonBody(request);
  const { record } = await completeSetup({ ctx: setupContext(db(), todayIso()), input: body, address: clientAddress(request) });
  return Response.json({ user: { id: record.id, email: record.email, name: record.name, role: record.role } }, { status: 201 });
});
