import "server-only";
import type { Executor } from "@/db/client";
import { getNotice, listDisclosureRows, listNoticeStatements } from "@/db/queries/notices";
import type { Locale } from "@/db/schema/enum-values";
import { generateDisclosure, type GeneratedDisclosure } from "./generate";

/** The generated sections for a notice version (its text compared), or for none (nothing compared). */
export async function loadGeneratedDisclosure({
  db,
  noticeId,
  language,
  today,
}: {
  db: Executor;
  noticeId: string | null;
  language: Locale;
  today: string;
}): Promise<GeneratedDisclosure | undefined> {
  const notice = noticeId ? await getNotice({ db, id: noticeId }) : null;
  if (noticeId && !notice) return undefined;
  const [rows, statements] = await Promise.all([listDisclosureRows({ db, today }), notice ? listNoticeStatements({ db, noticeId: notice.id }) : Promise.resolve([])]);
  // The sections the recipients' and transfers' statements cite, in the requested language first.
  const relevant = statements.filter((s) => ["recipient_category", "named_recipient", "country", "storage_location", "overseas_agreements"].includes(s.kind));
  const inLanguage = relevant.filter((s) => s.language === language);
  const sectionNames = [...new Set((inLanguage.length ? inLanguage : relevant).map((s) => s.section))];
  return generateDisclosure({ rows, notice: notice ?? null, sectionNames, language, today });
}
