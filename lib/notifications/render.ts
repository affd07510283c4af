import "server-only";
import { eq } from "drizzle-orm";
// use-intl/core, not next-intl: this module also runs outside React (CLI scripts, the notification runner), where
// next-intl's entry loads React bindings that the react-server condition lacks.
import { createTranslator } from "use-intl/core";
import type { Executor } from "@/db/client";
import { flags, processors, type Notification } from "@/db/schema";
import type { FlagSubjectType, Locale } from "@/db/schema/enums";
import en from "@/lib/i18n/messages/en/notifications.json";
import fr from "@/lib/i18n/messages/fr/notifications.json";
import { enumLabel, formatDate, isEnumValue } from "@/lib/labels";

// i18n-namespace: notifications

/*
 * The e-mails, in the recipient's language (users.locale, English until they choose): texts from the
 * notifications messages (lib/i18n/messages/<locale>/notifications.json, under `email`), values through the label
 * catalogue (a rule by its title, a severity or agreement type by its label, dates in the language's format),
 * never a stored code; every e-mail links to the record it is about. Plain text: nothing a recipient's mail client
 * could run, and a vendor's name is printed as written.
 */

type Translate = (key: string, values?: Record<string, string | number>) => string;

const TRANSLATORS: Record<Locale, Translate> = {
  en: createTranslator({ locale: "en", messages: { notifications: en }, namespace: "notifications" }) as unknown as Translate,
  fr: createTranslator({ locale: "fr", messages: { notifications: fr }, namespace: "notifications" }) as unknown as Translate,
};

export interface FlagContext {
  id: string;
  ruleId: string;
  severity: string;
  subjectType: FlagSubjectType;
  subjectId: string;
  message: string;
  messageFr: string;
  citation: string;
  dueDate: string | null;
  processorName: string | null;
}

export interface EmailContext {
  flag: FlagContext | null;
}

/** The stored flag an e-mail is about, read when it is sent (its French message, its vendor's current name). */
export async function loadEmailContext(db: Executor, notification: Pick<Notification, "payload">): Promise<EmailContext> {
  const flagId = notification.payload.flagId;
  if (typeof flagId !== "string") return { flag: null };
  const [row] = await db
    .select({
      id: flags.id,
      ruleId: flags.ruleId,
      severity: flags.severity,
      subjectType: flags.subjectType,
      subjectId: flags.subjectId,
      message: flags.message,
      messageFr: flags.messageFr,
      citation: flags.citation,
      dueDate: flags.dueDate,
      processorName: processors.name,
    })
    .from(flags)
    .leftJoin(processors, eq(processors.id, flags.processorId))
    .where(eq(flags.id, flagId));
  return { flag: row ?? null };
}

export interface RenderedEmail {
  subject: string;
  text: string;
}

/** The page of a flag's subject; the flags register for a subject without a page of its own. */
export function flagSubjectPath(subjectType: string, subjectId: string): string {
  const pages: Partial<Record<string, string>> = { transfer: "transfers", processor: "processors", agreement: "agreements", activity: "activities" };
  const page = pages[subjectType];
  return page ? `/${page}/${subjectId}` : "/flags";
}

const text = (value: unknown): string => (typeof value === "string" ? value : typeof value === "number" ? String(value) : "");

export function renderEmail({
  notification,
  locale: requested,
  recipientName,
  appUrl,
  context,
}: {
  notification: Pick<Notification, "event" | "payload">;
  locale: string;
  recipientName: string;
  appUrl: string;
  context: EmailContext;
}): RenderedEmail {
  const locale: Locale = requested === "fr" ? "fr" : "en";
  const t = TRANSLATORS[locale];
  const payload = notification.payload;
  const date = (value: unknown) => (typeof value === "string" && value ? formatDate(value, locale) : "—");
  const ruleTitle = (ruleId: unknown) => (isEnumValue("rule", ruleId) ? enumLabel("rule", ruleId, locale) : text(ruleId));
  const flagSubject = (subjectType: unknown, processorName: unknown) => {
    const type = isEnumValue("flagSubjectType", subjectType) ? enumLabel("flagSubjectType", subjectType, locale) : "";
    const name = text(processorName);
    return name ? t("email.flagSubject", { type, name }) : type;
  };

  let subject: string;
  let body: string;
  let path: string;
  switch (notification.event) {
    case "critical_flag":
    case "flag_overdue":
    case "flag_assigned": {
      const flag = context.flag;
      const ruleId = flag?.ruleId ?? payload.ruleId;
      const about = flagSubject(flag?.subjectType ?? payload.subjectType, flag?.processorName ?? payload.processorName);
      // The engine words each finding in both languages; an older flag may have only its English sentence.
      const message = flag ? (locale === "fr" && flag.messageFr ? flag.messageFr : flag.message) : text(payload.message);
      const dueDate = flag?.dueDate ?? text(payload.dueDate);
      subject = t(`email.subject.${notification.event}`, { rule: ruleTitle(ruleId), subject: about });
      body = t(`email.body.${notification.event}`, {
        subject: about,
        message,
        citation: flag?.citation ?? text(payload.citation),
        dueDate: date(dueDate),
        due: dueDate ? "set" : "none",
      });
      path = flagSubjectPath(text(flag?.subjectType ?? payload.subjectType), text(flag?.subjectId ?? payload.subjectId));
      break;
    }
    case "agreement_expiring": {
      const agreement = isEnumValue("agreementType", payload.agreementType) ? enumLabel("agreementType", payload.agreementType, locale) : "";
      const values = { agreement, processor: text(payload.processorName), days: Number(payload.daysLeft ?? 0), expiryDate: date(payload.expiryDate) };
      subject = t("email.subject.agreement_expiring", values);
      body = t("email.body.agreement_expiring", values);
      path = `/agreements/${text(payload.agreementId)}`;
      break;
    }
    case "vendor_submitted": {
      const recordType = text(payload.recordType);
      const values = {
        name: text(payload.name),
        who: text(payload.submittedBy) || t("email.someone"),
        recordType: ["processor", "transfer", "activity"].includes(recordType) ? recordType : "other",
      };
      subject = t("email.subject.vendor_submitted", values);
      body = t("email.body.vendor_submitted", values);
      path = "/review";
      break;
    }
    case "daily_digest": {
      subject = t("email.subject.daily_digest", { date: date(payload.date) });
      body = digestBody(t, payload, { date, ruleTitle, flagSubject, locale });
      path = "/";
      break;
    }
  }
  const lines = [t("email.greeting", { name: recipientName }), "", body, "", t("email.link", { url: `${appUrl}${path}` }), "", "—", t("email.footer", { url: `${appUrl}/settings/notifications` })];
  return { subject, text: lines.join("\n") };
}

interface DigestFlag {
  ruleId: string;
  severity: string;
  subjectType: string;
  processorName: string | null;
}

interface DigestAgreement {
  agreementType: string;
  processorName: string;
  expiryDate: string;
}

function digestBody(
  t: Translate,
  payload: Record<string, unknown>,
  helpers: { date: (value: unknown) => string; ruleTitle: (id: unknown) => string; flagSubject: (type: unknown, name: unknown) => string; locale: Locale },
): string {
  const count = (key: string) => Number(payload[key] ?? 0);
  const lines = [t("email.digest.intro", { date: helpers.date(payload.date) }), ""];
  lines.push(t("email.digest.openFlags", { critical: count("openCritical"), high: count("openHigh") }));
  for (const flag of (payload.topFlags as DigestFlag[] | undefined) ?? []) {
    const severity = isEnumValue("severity", flag.severity) ? enumLabel("severity", flag.severity, helpers.locale) : flag.severity;
    lines.push(t("email.digest.flagItem", { severity, rule: helpers.ruleTitle(flag.ruleId), subject: helpers.flagSubject(flag.subjectType, flag.processorName) }));
  }
  lines.push(t("email.digest.overdue", { count: count("overdue") }));
  lines.push(t("email.digest.assigned", { count: count("assigned") }));
  const expiring = (payload.expiring as DigestAgreement[] | undefined) ?? [];
  lines.push(t("email.digest.expiring", { count: expiring.length }));
  for (const agreement of expiring) {
    const type = isEnumValue("agreementType", agreement.agreementType) ? enumLabel("agreementType", agreement.agreementType, helpers.locale) : "";
    lines.push(t("email.digest.expiringItem", { agreement: type, processor: agreement.processorName, expiryDate: helpers.date(agreement.expiryDate) }));
  }
  if (typeof payload.awaitingReview === "number") lines.push(t("email.digest.awaitingReview", { count: payload.awaitingReview }));
  return lines.join("\n");
}
