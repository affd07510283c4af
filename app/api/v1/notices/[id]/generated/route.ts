import { isRecordId } from "@/lib/api/contracts/common";
import { generatedQuery } from "@/lib/api/contracts/notices";
import { parseQuery } from "@/lib/api/params";
import { route } from "@/lib/auth/guard";
import { notFound } from "@/lib/errors";
import { disclosureMarkdownDocument } from "@/lib/notices/generate";
import { loadGeneratedDisclosure } from "@/lib/notices/generated-sections";

export const dynamic = "force-dynamic";

type Params = { id: string };

/**
 * The recipients and international-transfers sections the register says this notice should carry, with the line
 * diff against its text: JSON (for a website build) or Markdown (a download).
 */
export const GET = route<Params>({ roles: ["dpo", "engineer", "auditor"] }, async ({ request, ctx, params }) => {
  const { language, format } = parseQuery(generatedQuery, request);
  const disclosure = isRecordId(params.id) ? await loadGeneratedDisclosure({ db: ctx.db, noticeId: params.id, language, today: ctx.today }) : undefined;
  if (!disclosure) throw notFound("privacy notice", params.id);
  if (format === "json") return Response.json({ data: disclosure });
  return new Response(disclosureMarkdownDocument(disclosure), {
    headers: {
      "content-type": "text/markdown; charset=utf-8",
      "content-disposition": `attachment; filename="notice-sections-${language}-${ctx.today}.md"`,
    },
  });
});
