import type { Executor } from "@/db/client";
import { noticeStatements, notices, type NewNoticeStatement } from "@/db/schema";
import type { AuditActor, AuditEventInput } from "@/lib/audit/record";
import { DEMO_POLICY_TEXT } from "./demo-policy-text";
import { reevaluateNoticeFindings } from "./evaluation";
import { noticeSha256 } from "./service";

/*
 * The demo company's published notice (../shared/domain/privacy-policy.txt, DOMAIN.md §6-7) as the DPO would
 * record it: the text word for word (its SHA-256 computed as the service does) and its statements, each quoting
 * the policy's own words under the heading they stand in. The demo register (db/seed/demo.ts) breaks some of these
 * promises on purpose: storage and an unencrypted log server in Mainland China, transfers without a signed
 * agreement, an advertiser in France (a country the open list does not name), customer-support and e-commerce
 * recipients the notice never mentions, and a Mainland export to a recipient it does not name.
 */

const SHARE = "How we share, transfer, and disclose your personal information?";
const GLOBAL = "How we transfer your personal information globally";
const STORE = "How we store and protect your personal information?";
const CCPA_COLLECT = "1. Categories of personal information we collect about you in the past 12 months and its sources";
const CCPA_SALE = "3. No sale of personal information";
const FR_COLLECT = "Comment nous collectons et utilisons vos informations personnelles";

type DemoStatement = Pick<NewNoticeStatement, "kind" | "value" | "quote" | "section"> & Partial<Pick<NewNoticeStatement, "nonExhaustive" | "language">>;

export const DEMO_NOTICE_STATEMENTS: readonly DemoStatement[] = [
  // Recipients (GDPR 13(1)(e); CCPA 1798.130(a)(5)(B)): "Our authorized partners include the following types".
  { kind: "recipient_category", value: "technical_support", section: SHARE, quote: "Technical Service Providers:\u00a0we work with third-party technical service providers who will provide technical support for specific features of our products or services to you" },
  { kind: "recipient_category", value: "hosting", section: SHARE, quote: "as well asback-office support for our smart devices" },
  { kind: "recipient_category", value: "advertising", section: SHARE, quote: "Advertising Service Providers: in order to promote our marketing information to you, we may share your email address with third-party advertising service providers" },
  { kind: "recipient_category", value: "push_messaging", section: SHARE, quote: "Message Push Service Providers: We share your email information and device push codes with third-party message push service providers" },
  { kind: "recipient_category", value: "analytics", section: SHARE, quote: "User data analysis: We may use a third-party analytics service provider (Google Analytics) to analyze your data." },
  { kind: "named_recipient", value: "Google Analytics", section: SHARE, quote: "We may use a third-party analytics service provider (Google Analytics) to analyze your data." },
  // Countries and storage (GDPR 13(1)(f)).
  { kind: "storage_location", value: "US", section: GLOBAL, quote: "In principle, your personal information will be stored within the United States." },
  { kind: "country", value: "CN", nonExhaustive: true, section: GLOBAL, quote: "These jurisdictions include, but are not limited to Mainland China, Hong Kong, etc." },
  { kind: "country", value: "HK", nonExhaustive: true, section: GLOBAL, quote: "These jurisdictions include, but are not limited to Mainland China, Hong Kong, etc." },
  // The promises.
  { kind: "overseas_agreements", value: null, section: GLOBAL, quote: "requiring overseas recipients to provide security for your information by signing an agreement with them or take other means" },
  { kind: "encryption_in_transit", value: null, section: STORE, quote: "implement security measures such as encryption throughout the storage and transmission process" },
  { kind: "encryption_at_rest", value: null, section: STORE, quote: "implement security measures such as encryption throughout the storage and transmission process" },
  { kind: "no_sale", value: null, section: CCPA_SALE, quote: "We do not sell personal information, and therefore we have not sold any personal information about you in the past 12 months." },
  { kind: "no_sharing", value: null, section: SHARE, quote: "Your personal information will not be shared with third parties for their own marketing or business purposes." },
  // Data categories (CCPA 1798.100(a); the California appendix lists them with their sources).
  { kind: "data_category", value: "user.account", section: CCPA_COLLECT, quote: "Identifiers, such as user name, e-mail address and contact address" },
  { kind: "data_category", value: "user.contact", section: CCPA_COLLECT, quote: "Identifiers, such as user name, e-mail address and contact address" },
  { kind: "data_category", value: "user.behavior", section: CCPA_COLLECT, quote: "Commercial information, such as order information for goods to be provided when you ask for after-sale or warranty service." },
  { kind: "data_category", value: "user.device", section: CCPA_COLLECT, quote: "international mobile device ID \u00a0(IMEI) number, network device hardware address (MAC address)" },
  { kind: "data_category", value: "user.location", section: CCPA_COLLECT, quote: "location information obtained via GPS, Bluetooth or WI-FI signals" },
  { kind: "data_category", value: "user.sensor", section: CCPA_COLLECT, quote: "Information regarding the environment captured by the camera, including indoor layout, information about items on the ground, distribution of such items, indoor personnel, and pets, etc." },
  { kind: "data_category", value: "user.biometric.face", section: CCPA_COLLECT, quote: "such information may contain personal information of you or other persons, including\u00a0personal facial information, etc." },
  { kind: "data_category", value: "user.account.third_party_profile", section: CCPA_COLLECT, quote: "When you log on to the Product using a third-party account, we shall based on your authorization, obtain your username, mobile phone number, email address, gender, photo, birth date, domicile, age" },
  { kind: "data_category", value: "user.demographic", section: CCPA_COLLECT, quote: "gender, photo, birth date, domicile, age" },
  { kind: "data_category", value: "user.payment", section: CCPA_COLLECT, quote: "the order number, mailing address, payment amount, and payment time" },
  // The French part of the policy: the same declarations in its own words.
  { kind: "data_category", value: "user.account", language: "fr", section: FR_COLLECT, quote: "Lorsque vous créez un compte, vous devez fournir votre nom d'utilisateur, votre adresse électronique et des informations régionales" },
  { kind: "data_category", value: "user.contact", language: "fr", section: FR_COLLECT, quote: "vos coordonnées, votre adresse, votre adresse électronique et votre numéro de téléphone portable" },
  { kind: "data_category", value: "user.location", language: "fr", section: FR_COLLECT, quote: "Informations de localisation." },
];

/** The notice's first day in the demo: a year before `today`, so that it is in force whatever day the demo loads. */
function aYearBefore(today: string): string {
  const date = new Date(`${today}T00:00:00Z`);
  date.setUTCFullYear(date.getUTCFullYear() - 1);
  return date.toISOString().slice(0, 10);
}

/**
 * Records the demo notice and its statements, evaluates the notice findings, and returns the audit events of the
 * records it created (the seed appends them with the rest of its history, in time order).
 */
export async function seedDemoNotice(
  tx: Executor,
  { today, at, actor }: { today: string; at: Date; actor: AuditActor },
): Promise<{ at: Date; actor: AuditActor; event: AuditEventInput }[]> {
  const [notice] = await tx
    .insert(notices)
    .values({
      title: "GNCC Privacy Policy",
      versionLabel: "2025",
      effectiveDate: aYearBefore(today),
      languages: ["fr", "en"],
      text: DEMO_POLICY_TEXT,
      url: null,
      sha256: noticeSha256(DEMO_POLICY_TEXT),
      createdByUserId: actor.userId ?? null,
      createdAt: at,
      updatedAt: at,
    })
    .returning();
  const statements = await tx
    .insert(noticeStatements)
    .values(DEMO_NOTICE_STATEMENTS.map((statement) => ({ nonExhaustive: false, language: "en" as const, ...statement, noticeId: notice!.id, createdAt: at, updatedAt: at })))
    .returning();
  await reevaluateNoticeFindings({ db: tx, today, now: at });
  return [
    { at, actor, event: { action: "create", recordType: "notice", recordId: notice!.id, after: notice } },
    ...statements.map((row, index) => ({ at: new Date(at.getTime() + index + 1), actor, event: { action: "create", recordType: "notice_statement", recordId: row.id, after: row } })),
  ];
}
