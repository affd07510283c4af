import { randomUUID } from "node:crypto";
import { count, inArray, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import {
  agreementTransfers,
  entities,
  processingActivities,
  processors,
  safeguardAgreements,
  transferDataCategories,
  transfers,
  users,
  type NewEntity,
  type NewProcessingActivity,
  type NewProcessor,
  type NewSafeguardAgreement,
  type NewTransfer,
  type User,
  type UserRole,
} from "@/db/schema";
import type { DataCategoryKey } from "@/lib/taxonomy/data-categories";

/*
 * The demo company: the smart-camera / robot maker whose privacy policy is in
 * ../shared/domain/privacy-policy.txt (DOMAIN.md §6). Data sits in the United States; affiliates and
 * technical providers in Mainland China and Hong Kong receive it or reach it remotely. The policy promises
 * encryption in storage and transit and signed agreements with overseas recipients: the register shows
 * where the records keep that promise and where they do not, so the rules engine (DOMAIN.md §4) has
 * findings of every severity to show, next to flows that are fully in order:
 *
 *   critical  transfer.no-mechanism (Shenzhen log sync, EU subjects, mechanism none; CodeCourier, UK users'
 *             emails to a US importer certified to the EU-US DPF without the UK Extension)
 *             transfer.doj-bulk-restricted (1,240 people's faces to Shenzhen, CISA requirements not met)
 *   high      transfer.no-encryption-in-transit (Hengtong diagnostics over plain HTTP)
 *             transfer.no-contract (CodeCourier: no agreement at all; Réclame Numérique: DPA expired;
 *             the Shenzhen log sync: outside the SCC annex; CrashTrace draft)
 *             transfer.special-category-no-condition (faces under the troubleshooting activity)
 *             transfer.tia-missing (SCCs with the helpdesk sub-processor in CN, no TIA)
 *             agreement.expired (Réclame Numérique DPA), processor.dpf-lapsed (PushWave)
 *   medium    transfer.no-encryption-at-rest (Shenzhen log server), transfer.art49-systematic (monthly
 *             contest export to HK on consent), processor.onward-uncovered (天宇云客服 under Hengtong),
 *             transfer.pipl-consent-or-pipia-missing (the China beta app's crash reports to CrashTrace, outside
 *             the beta's separate consent and PIPIA)
 *   low       transfer.retention-missing (analytics), agreement.expiring-soon (Google), processor.no-owner (Amazon)
 *
 * Reported, not flagged: the Hong Kong affiliate's after-sales access, a DOJ corporate-group exemption
 * (28 CFR 202.506, customer support). The Shenzhen affiliate is no CIIO; the China beta export has its
 * separate consent and PIPIA; every US importer of UK data but CodeCourier is in the DPF's UK Extension.
 *
 * Dates are relative to `today` so that "expired" and "expiring soon" stay true whenever the demo is loaded.
 * This module holds the data and its SQL; lib/seed/demo.ts loads it (the transaction, the accounts'
 * passwords, the processors' normalized names and the audit trail are the domain's).
 */

/** Calendar arithmetic in UTC on "YYYY-MM-DD" dates. */
function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** True once the database holds a register: the demo is then never loaded. */
export async function hasEntities(db: Executor): Promise<boolean> {
  const rows = await db.select({ n: count() }).from(entities);
  return (rows[0]?.n ?? 0) > 0;
}

/**
 * Creates the demo accounts and returns the ones created now with every account's id by role. An account
 * left from an earlier load is kept as it is (start-up re-enables it in demo mode).
 */
export async function insertDemoUsers(
  tx: Executor,
  accounts: readonly { email: string; name: string; role: UserRole; passwordHash: string }[],
): Promise<{ created: User[]; userIds: Record<UserRole, string> }> {
  const created = await tx
    .insert(users)
    .values(accounts.map((account) => ({ ...account, isDemo: true })))
    .onConflictDoNothing()
    .returning();
  const userRows = await tx
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(inArray(sql`lower(${users.email})`, accounts.map((account) => account.email.toLowerCase())));
  const idByEmail = new Map(userRows.map((row) => [row.email.toLowerCase(), row.id]));
  const userIds = {} as Record<UserRole, string>;
  for (const account of accounts) {
    const id = idByEmail.get(account.email.toLowerCase());
    if (id === undefined) throw new Error(`seedDemoData: demo user ${account.email} was not created`);
    userIds[account.role] = id;
  }
  return { created, userIds };
}

export type DemoRegister = ReturnType<typeof buildDemoRegister>;

/** Inserts the demo register, one multi-row statement per table in foreign-key order; returns the rows written. */
export async function insertDemoRegister(tx: Executor, register: Omit<DemoRegister, "processors"> & { processors: NewProcessor[] }) {
  const entityRows = await tx.insert(entities).values(register.entities).returning();
  const processorRows = await tx.insert(processors).values(register.processors).returning();
  const activityRows = await tx.insert(processingActivities).values(register.activities).returning();
  const transferRows = await tx.insert(transfers).values(register.transfers).returning();
  await tx.insert(transferDataCategories).values(register.transferCategories);
  const agreementRows = await tx.insert(safeguardAgreements).values(register.agreements).returning();
  if (register.agreementTransfers.length > 0) {
    await tx.insert(agreementTransfers).values(register.agreementTransfers);
  }
  return { entityRows, processorRows, activityRows, transferRows, agreementRows };
}

interface TransferSpec extends Omit<NewTransfer, "id"> {
  id: string;
  categories: readonly DataCategoryKey[];
}

interface AgreementSpec extends Omit<NewSafeguardAgreement, "id"> {
  id: string;
  /** Only for an agreement that does not cover all of its processor's transfers. */
  coveredTransferIds?: readonly string[];
}

type ProcessorSpec = Omit<NewProcessor, "normalizedName"> & { id: string; name: string };

/**
 * The whole register as rows, with ids generated here so that every table is one insert. The processors
 * come without their normalized name: that key is the domain's (lib/seed/demo.ts adds it).
 */
export function buildDemoRegister({ today, userIds }: { today: string; userIds: Record<UserRole, string> }) {
  const day = (offset: number) => addDays(today, offset);
  const at = (offset: number) => new Date(`${day(offset)}T09:00:00Z`);
  const { dpo, engineer } = userIds;
  const approvedBy = (offset: number) => ({
    status: "approved" as const,
    createdByUserId: engineer,
    submittedAt: at(offset - 7),
    reviewedByUserId: dpo,
    reviewedAt: at(offset),
  });

  // ---- Entities: the exporters --------------------------------------------------------------------
  const entity = { us: randomUUID(), shenzhen: randomUUID(), hongKong: randomUUID() };
  const entityRows: NewEntity[] = [
    {
      id: entity.us,
      name: "GNCC Inc.",
      legalName: "GNCC Inc.",
      country: "US",
      role: "controller",
      address: "(demo) 100 Example Avenue, San Jose, CA 95110, United States",
      // The policy leaves every contact address blank ("Email Address:"), so the demo uses its own domain.
      dpoContact: "Data Protection Officer, privacy@gncc-demo.example",
      // GDPR Art. 27: the policy names no EU representative; left empty, the Art. 30 export shows it missing.
      representativeContact: null,
    },
    {
      id: entity.shenzhen,
      name: "GNCC Shenzhen R&D",
      legalName: "深圳市吉恩希希智能科技有限公司",
      country: "CN",
      // Controller (个人信息处理者) of its own beta programme, whose data it exports to the US.
      role: "controller",
      address: "(demo) 深圳市南山区科技园, Nanshan District, Shenzhen, Guangdong, China",
      // PIPL Art. 52: the person in charge of personal information protection.
      dpoContact: "个人信息保护负责人 / PI protection officer, pipo-cn@gncc-demo.example",
      representativeContact: null,
      // Not a CIIO (PIPL Art. 40): the Regulations on Security Protection of Critical Information Infrastructure
      // (2021) Art. 2 and 10 make an operator one when the sector's protection department identifies and
      // notifies it (public communications, energy, transport, finance, public services, e-government...); a
      // consumer-camera maker's R&D affiliate has received no such notice, and the policy says nothing of one.
      ciio: false,
    },
    {
      id: entity.hongKong,
      name: "GNCC Hong Kong",
      legalName: "GNCC (Hong Kong) Limited",
      country: "HK",
      role: "processor",
      address: "(demo) Kwun Tong, Kowloon, Hong Kong",
      dpoContact: "privacy-hk@gncc-demo.example",
      representativeContact: null,
    },
  ];

  // ---- Processors: every recipient the policy names -----------------------------------------------
  const p = {
    aws: randomUUID(),
    googleAnalytics: randomUUID(),
    pushWave: randomUUID(),
    codeCourier: randomUUID(),
    reclame: randomUUID(),
    hengtong: randomUUID(),
    tianyu: randomUUID(),
    shenzhenAffiliate: randomUUID(),
    hongKongAffiliate: randomUUID(),
    usParent: randomUUID(),
    amazon: randomUUID(),
    cloudflare: randomUUID(),
    supportly: randomUUID(),
    crashTrace: randomUUID(),
  };
  const processorSpecs: ProcessorSpec[] = [
    {
      id: p.aws,
      name: "Amazon Web Services",
      legalName: "Amazon Web Services, Inc.",
      website: "https://aws.amazon.com",
      role: "processor",
      service: "hosting",
      country: "US",
      dpfCertified: true,
      dpfExpiry: day(250),
      // UK subjects' data (all the US cloud's flows carry EU, UK and US regions): Amazon's certification
      // includes the UK Extension, the route the UK's Data Protection (Adequacy) (United States of America)
      // Regulations 2023 recognise.
      dpfUkExtension: true,
      ownerUserId: dpo,
      ...approvedBy(-900),
      notes: "Primary cloud (US regions only): accounts, device cloud, video storage. The policy: data is stored in the United States.",
    },
    {
      id: p.googleAnalytics,
      name: "Google Analytics",
      legalName: "Google LLC",
      website: "https://marketingplatform.google.com/about/analytics/",
      role: "processor",
      service: "analytics",
      country: "US",
      dpfCertified: true,
      dpfExpiry: day(180),
      // Google LLC's certification includes the UK Extension (UK users' analytics go there).
      dpfUkExtension: true,
      ownerUserId: engineer,
      ...approvedBy(-680),
      notes: "Named in the policy: used functions, operation results, time, frequency and duration, crash logs.",
    },
    {
      id: p.pushWave,
      name: "PushWave",
      legalName: "PushWave Inc.",
      website: "https://pushwave.example",
      role: "processor",
      service: "push_messaging",
      country: "US",
      // Deliberate: the annual DPF re-certification was missed, while the transfers still rely on the DPF.
      dpfCertified: true,
      dpfExpiry: day(-40),
      // It had joined the UK Extension, which lapsed with the certification it extends.
      dpfUkExtension: true,
      ownerUserId: engineer,
      ...approvedBy(-500),
      notes: "Message push provider (policy: email information and device push codes). Dropped off the DPF list at its re-certification date.",
    },
    {
      id: p.codeCourier,
      name: "CodeCourier",
      legalName: "CodeCourier LLC",
      website: "https://codecourier.example",
      role: "processor",
      service: "other",
      country: "US",
      dpfCertified: true,
      dpfExpiry: day(120),
      // Deliberate: self-certified to the EU-US DPF only. UK users' emails still go there, and for UK data a
      // US importer is adequate only through the UK Extension -> no mechanism for the UK subjects.
      dpfUkExtension: false,
      ownerUserId: engineer,
      ...approvedBy(-300),
      // Deliberate: no agreement at all.
      notes: "Sends sign-in verification codes by email. Onboarded by the app team before launch; no DPA on file.",
    },
    {
      id: p.reclame,
      name: "Réclame Numérique",
      legalName: "Réclame Numérique SAS",
      website: "https://reclame-numerique.example",
      role: "processor",
      service: "advertising",
      country: "FR",
      ownerUserId: dpo,
      ...approvedBy(-1100),
      notes: "Advertising service provider in Paris (policy: email addresses shared to push marketing). DPA expired; renewal under negotiation.",
    },
    {
      id: p.hengtong,
      name: "Hengtong Technical Services",
      legalName: "深圳市恒通技术服务有限公司",
      website: "https://hengtong-tech.example",
      role: "processor",
      service: "technical_support",
      country: "CN",
      // 28 CFR 202.211(a)(1): organised under PRC law with its principal place of business in China.
      coveredPerson: true,
      ownerUserId: engineer,
      ...approvedBy(-700),
      notes: "Technical and back-office support for the smart devices (policy: username, email, logs, location). Shenzhen engineers work on the US systems by remote access.",
    },
    {
      id: p.tianyu,
      name: "天宇云客服",
      legalName: "杭州天宇云客服科技有限公司",
      website: "https://tianyu-helpdesk.example",
      role: "sub_processor",
      service: "customer_support",
      country: "CN",
      parentProcessorId: p.hengtong,
      coveredPerson: true,
      ownerUserId: engineer,
      ...approvedBy(-300),
      notes: "Helpdesk SaaS (Hangzhou) engaged by Hengtong for support tickets. Hengtong's DPA allows sub-processors but flows none of its obligations down.",
    },
    {
      id: p.shenzhenAffiliate,
      name: "GNCC Shenzhen R&D (affiliate)",
      legalName: "深圳市吉恩希希智能科技有限公司",
      website: null,
      role: "affiliate",
      service: "technical_support",
      country: "CN",
      coveredPerson: true,
      ownerUserId: dpo,
      ...approvedBy(-200),
      notes: "Group R&D centre: firmware, face-recognition and robot-vision engineers.",
    },
    {
      id: p.hongKongAffiliate,
      name: "GNCC Hong Kong (affiliate)",
      legalName: "GNCC (Hong Kong) Limited",
      website: null,
      role: "affiliate",
      service: "customer_support",
      country: "HK",
      // 28 CFR 202.208, 202.211: Hong Kong is part of "China" for the DOJ rule.
      coveredPerson: true,
      ownerUserId: dpo,
      ...approvedBy(-300),
      notes: "Trading company: Asia-Pacific sales, after-sales and back-office device support.",
    },
    {
      id: p.usParent,
      name: "GNCC Inc. (US parent)",
      legalName: "GNCC Inc.",
      website: null,
      role: "affiliate",
      service: "hosting",
      country: "US",
      ownerUserId: dpo,
      ...approvedBy(-250),
      notes: "Recipient of the Shenzhen affiliate's export (China beta programme): the parent runs the cloud in the US.",
    },
    {
      id: p.amazon,
      name: "Amazon Marketplace",
      legalName: "Amazon.com Services LLC",
      website: "https://sellercentral.amazon.com",
      role: "controller",
      service: "ecommerce_platform",
      country: "US",
      dpfCertified: true,
      dpfExpiry: day(300),
      dpfUkExtension: true,
      // Deliberate: nobody owns the relationship.
      ownerUserId: null,
      ...approvedBy(-1200),
      notes: "A source rather than a recipient: sells our products and passes us the buyer's platform username, order number, mailing address, payment amount and time.",
    },
    {
      id: p.cloudflare,
      name: "Cloudflare",
      legalName: "Cloudflare, Inc.",
      website: "https://www.cloudflare.com",
      role: "processor",
      service: "hosting",
      country: "US",
      dpfCertified: true,
      dpfExpiry: day(300),
      // Cloudflare, Inc.'s certification includes the UK Extension.
      dpfUkExtension: true,
      ownerUserId: engineer,
      ...approvedBy(-600),
      notes: "CDN, web application firewall and bot management in front of the app API.",
    },
    {
      id: p.supportly,
      name: "Supportly",
      legalName: "Supportly Inc.",
      website: "https://supportly.example",
      role: "processor",
      service: "customer_support",
      country: "US",
      dpfCertified: true,
      dpfExpiry: day(330),
      // No UK Extension on file: its flow carries no UK subjects, so nothing relies on one.
      dpfUkExtension: false,
      ownerUserId: engineer,
      status: "submitted",
      createdByUserId: engineer,
      submittedAt: at(-3),
      notes: "Proposed replacement for the after-sales mailbox; awaiting the DPO's review.",
    },
    {
      id: p.crashTrace,
      name: "CrashTrace",
      legalName: "CrashTrace, Inc.",
      website: "https://crashtrace.example",
      role: "processor",
      service: "analytics",
      country: "US",
      dpfCertified: true,
      dpfExpiry: day(200),
      // Not in the UK Extension; the beta app has no UK testers.
      dpfUkExtension: false,
      ownerUserId: engineer,
      status: "draft",
      createdByUserId: engineer,
      notes: "Crash-reporting SDK under evaluation in the beta app; DPA not requested yet.",
    },
  ];
  const processorRows: ProcessorSpec[] = processorSpecs;

  // ---- Processing activities ----------------------------------------------------------------------
  const a = {
    account: randomUUID(),
    afterSales: randomUUID(),
    deviceCloud: randomUUID(),
    push: randomUUID(),
    analytics: randomUUID(),
    marketing: randomUUID(),
    security: randomUUID(),
    maintenance: randomUUID(),
    beta: randomUUID(),
  };
  const standardSecurity =
    "TLS 1.2+ in transit; AES-256 at rest; role-based access approved by managers; servers reachable from the corporate network only (policy, 'How we store and protect').";
  /*
   * The CNIL model register's checklist (issue 16), per activity, as the security measures above describe them;
   * each leaves out what the register shows missing (no control of Hengtong's helpdesk sub-processor, a crash
   * SDK in the beta app without a DPA). The ICO template's fields: an LIA for each legitimate-interests activity,
   * a consent record for each consent one (and the opt-in face enrolment), no breach. DPA 2018 Schedule 1
   * concerns Art. 9 data only: the face library, on explicit consent, which needs no Schedule 1 condition
   * (DPA 2018 s. 10(1) lists Art. 9(2)(b), (g), (h), (i) and (j)); the China beta is outside the UK's law.
   */
  const hostedChecklist = ["access_control", "traceability", "software_protection", "backup", "encryption", "subprocessor_control"] as const;
  const activityRows: NewProcessingActivity[] = [
    {
      id: a.account,
      name: "Account management",
      controllerEntityId: entity.us,
      businessFunction: "App platform",
      purpose:
        "Create and run user accounts: registration with username, email and region, sign-in (also with a third-party account), verification codes, settings, deletion.",
      legalBasis: "contract",
      dataSubjectCategories: ["App users (account holders)", "EU residents", "UK residents", "California residents"],
      retentionPeriod: "Life of the account; deleted or anonymised within 30 days of account cancellation",
      securityMeasures: `${standardSecurity} Passwords hashed.`,
      source: "The user; third-party login providers, on the user's authorisation",
      securityChecklist: [...hostedChecklist, "staff_awareness"],
      applications: "GNCC Home app (iOS, Android); account service on Amazon Web Services",
    },
    {
      id: a.afterSales,
      name: "After-sales and warranty service",
      controllerEntityId: entity.us,
      businessFunction: "Customer service",
      purpose: "Verify the order and warranty, contact the customer, repair or replace the product.",
      legalBasis: "contract",
      dataSubjectCategories: ["Customers", "Amazon marketplace buyers", "EU residents", "California residents"],
      retentionPeriod: "3 years after the case is closed (warranty and consumer-law claims)",
      securityMeasures: standardSecurity,
      source: "The customer; Amazon marketplace (platform username, order number, mailing address, payment amount and time)",
      securityChecklist: ["access_control", "traceability", "backup", "encryption", "subprocessor_control", "staff_awareness"],
      applications: "After-sales mailbox; Amazon Seller Central; warranty database",
    },
    {
      id: a.deviceCloud,
      name: "Device cloud and video storage",
      controllerEntityId: entity.us,
      businessFunction: "Smart home cloud",
      purpose:
        "Store and stream camera events, recordings and the home map; recognise the household faces the user enrolled ('familiar faces'); relay intercom and voice commands.",
      legalBasis: "contract",
      // Face recognition is opt-in, with its own consent screen: GDPR Art. 9(2)(a).
      art9Condition: "explicit_consent",
      dataSubjectCategories: [
        "App users",
        "Household members",
        "Bystanders caught on camera (visitors, passers-by)",
        "Children in the home",
        "EU residents",
        "UK residents",
        "California residents",
      ],
      retentionPeriod:
        "Event clips 30 days rolling (7 days without a plan); face library until the user deletes the face or the account; home map until the device is reset",
      securityMeasures: `${standardSecurity} Video encrypted with customer-managed keys.`,
      source: "The user's devices and app",
      dpiaRequired: true,
      dpiaReference: "DPIA-2025-03 Home camera and face recognition",
      // Every measure of the checklist: the video and face library are the most sensitive data held.
      securityChecklist: [...hostedChecklist, "physical_security", "staff_awareness"],
      applications: "GNCC Home app; device cloud and video storage on Amazon Web Services; familiar-faces recognition service",
      consentRecordReference: "Face enrolment consent log, GNCC Home app consent service (consent screen v3)",
      schedule1Condition: "None required: explicit consent, UK GDPR Art. 9(2)(a) (DPA 2018 s. 10 applies Schedule 1 to other conditions)",
      // Kept although explicit consent needs none: the face library's retention is set there.
      policyDocumentReference: "https://intranet.gncc-demo.example/privacy/special-category-data-policy",
      retainedPerPolicy: true,
    },
    {
      id: a.push,
      name: "Push notifications",
      controllerEntityId: entity.us,
      businessFunction: "App platform",
      purpose: "Send service notices, alerts and verification codes to the app and devices (policy: information subscription and push).",
      legalBasis: "contract",
      dataSubjectCategories: ["App users", "EU residents", "UK residents", "California residents"],
      retentionPeriod: "Push tokens until the device is unbound or the token invalidated; message logs 90 days",
      securityMeasures: standardSecurity,
      source: "The user's app",
      securityChecklist: ["access_control", "traceability", "encryption", "subprocessor_control"],
      applications: "PushWave console and SDK; GNCC Home app",
    },
    {
      id: a.analytics,
      name: "Product analytics",
      controllerEntityId: entity.us,
      businessFunction: "Product management",
      purpose: "Measure how product functions are used and analyse crashes, to improve the product (policy: statistical analysis of product use).",
      legalBasis: "consent",
      dataSubjectCategories: ["App users", "EU residents", "UK residents", "California residents"],
      // Deliberately missing: GDPR Art. 30(1)(f) "where possible" -> transfer.retention-missing (low).
      retentionPeriod: null,
      securityMeasures: standardSecurity,
      source: "Analytics SDK in the app",
      securityChecklist: ["access_control", "encryption", "subprocessor_control"],
      applications: "Google Analytics SDK in the GNCC Home app",
      consentRecordReference: "In-app consent log, GNCC Home app consent service (analytics switch)",
    },
    {
      id: a.marketing,
      name: "Marketing communications",
      controllerEntityId: entity.us,
      businessFunction: "Marketing",
      purpose: "Send product news, campaigns, promotions and surveys by email; run pre-order contests.",
      legalBasis: "consent",
      // The policy's California notice: no sale; email shared with service providers for a business purpose.
      disclosureType: "business_purpose",
      dataSubjectCategories: ["Newsletter subscribers", "Contest entrants", "EU residents", "California residents"],
      retentionPeriod: "Until consent is withdrawn; suppression list kept 3 years",
      securityMeasures: standardSecurity,
      source: "The subscriber",
      securityChecklist: ["access_control", "traceability", "encryption", "subprocessor_control", "staff_awareness"],
      applications: "Réclame Numérique newsletter platform; contest entry forms on the website",
      consentRecordReference: "https://intranet.gncc-demo.example/privacy/consent/newsletter",
    },
    {
      id: a.security,
      name: "Security and fraud prevention",
      controllerEntityId: entity.us,
      businessFunction: "Security",
      purpose: "Detect and prevent account takeover, fraud, phishing and network attacks; verify identity when needed.",
      legalBasis: "legitimate_interests",
      legitimateInterest: "Protect accounts, devices and the service against fraud and attacks (GDPR Recital 49)",
      dataSubjectCategories: ["App users", "Website visitors", "EU residents", "UK residents", "California residents"],
      retentionPeriod: "Security logs 12 months; fraud cases 3 years",
      securityMeasures: standardSecurity,
      source: "App, devices and web traffic",
      securityChecklist: ["access_control", "traceability", "software_protection", "backup", "encryption", "staff_awareness"],
      applications: "Cloudflare WAF and Bot Management; security log platform (SIEM)",
      liaReference: "LIA-2024-02 Security and fraud prevention, Privacy SharePoint",
    },
    {
      id: a.maintenance,
      name: "Product maintenance and troubleshooting",
      controllerEntityId: entity.us,
      businessFunction: "Engineering",
      purpose:
        "Keep devices working: diagnose defects from logs and, when a user reports a face-recognition error, from the clips and faces concerned; fix and update firmware.",
      legalBasis: "legitimate_interests",
      legitimateInterest: "Keep the product working and secure for its users",
      // Deliberately missing: faces are reviewed here without an Art. 9(2) condition ->
      // transfer.special-category-no-condition (high).
      art9Condition: null,
      dataSubjectCategories: [
        "App users",
        "Household members and bystanders in reported clips",
        "EU residents",
        "UK residents",
        "California residents",
      ],
      retentionPeriod: "Diagnostic logs 180 days; clips attached to a ticket deleted when it closes",
      securityMeasures: standardSecurity,
      source: "Devices, app and support tickets",
      // No control of sub-processors: Hengtong's helpdesk (天宇云客服) is engaged without flowed-down terms.
      securityChecklist: ["access_control", "traceability", "software_protection", "encryption"],
      applications: "Device log console; Hengtong remote support tools; 天宇云客服 helpdesk",
      liaReference: "https://intranet.gncc-demo.example/privacy/lia/product-maintenance",
    },
    {
      id: a.beta,
      name: "Beta test programme (Mainland China)",
      controllerEntityId: entity.shenzhen,
      businessFunction: "Research and development",
      purpose: "Field-test pre-release robots and cameras in testers' homes in Mainland China and analyse the results with the US engineering team.",
      legalBasis: "consent",
      // PIPL Art. 29 and 39: separate consent to sensitive information and to its export, recorded as explicit consent.
      art9Condition: "explicit_consent",
      dataSubjectCategories: ["Beta testers (Mainland China)", "Testers' household members"],
      retentionPeriod: "Until 6 months after the end of the beta",
      securityMeasures: standardSecurity,
      source: "Testers' devices",
      dpiaRequired: true,
      dpiaReference: "PIPIA-2025-07 个人信息保护影响评估 (PIPL Art. 55)",
      // No control of sub-processors: the CrashTrace SDK runs in the beta app without a DPA.
      securityChecklist: ["access_control", "traceability", "backup", "encryption", "staff_awareness"],
      applications: "GNCC Beta app (Mainland China); CrashTrace SDK under evaluation",
      consentRecordReference: "Beta tester consent forms and separate consents (PIPL Art. 29, 39), R&D archive BT-2025",
    },
  ];

  // ---- Transfers ----------------------------------------------------------------------------------
  const t = {
    awsVideo: randomUUID(),
    awsAccounts: randomUUID(),
    analytics: randomUUID(),
    push: randomUUID(),
    verificationCodes: randomUUID(),
    marketingEmail: randomUUID(),
    hengtongRegistry: randomUUID(),
    hengtongDiagnostics: randomUUID(),
    helpdeskTickets: randomUUID(),
    shenzhenFaces: randomUUID(),
    shenzhenLogs: randomUUID(),
    hongKongLocation: randomUUID(),
    hongKongAfterSales: randomUUID(),
    hongKongContest: randomUUID(),
    chinaBeta: randomUUID(),
    chinaBetaCrashes: randomUUID(),
    cloudflare: randomUUID(),
    supportly: randomUUID(),
    crashTrace: randomUUID(),
  };
  const fromUs = { exporterEntityId: entity.us, originCountry: "US", createdByUserId: engineer } as const;
  const allRegions = ["EU", "UK", "US-CA", "US"];
  const transferSpecs: TransferSpec[] = [
    // US -> US: the cloud and the US vendors.
    {
      id: t.awsVideo,
      ...fromUs,
      activityId: a.deviceCloud,
      processorId: p.aws,
      destinationCountry: "US",
      accessType: "storage",
      subjectRegions: allRegions,
      estimatedSubjects: 420_000,
      volumeUnit: "devices",
      encryptionInTransit: "tls1_3",
      encryptionAtRest: "customer_keys",
      mechanism: "dpf",
      status: "approved",
      startDate: day(-900),
      categories: [
        "user.sensor.camera_footage",
        "user.sensor.home_map",
        "user.sensor.audio",
        "user.biometric.face",
        "user.device.device_id",
        "user.account.username",
        // Cameras in homes film the children who live there (the activity's "Children in the home").
        "user.childrens",
      ],
    },
    {
      id: t.awsAccounts,
      ...fromUs,
      activityId: a.account,
      processorId: p.aws,
      destinationCountry: "US",
      accessType: "storage",
      subjectRegions: allRegions,
      estimatedSubjects: 380_000,
      encryptionInTransit: "tls1_3",
      encryptionAtRest: "customer_keys",
      mechanism: "dpf",
      status: "approved",
      startDate: day(-900),
      categories: [
        "user.account.username",
        "user.contact.email",
        "user.authorization.password",
        "user.contact.address.country",
        "user.account.third_party_profile",
        "user.contact.phone_number",
        "user.demographic.gender",
        "user.demographic.date_of_birth",
        "user.demographic.age_range",
        "user.contact.address.city",
        "user.content.self_image",
        "user.device.attributes",
        "user.unique_id",
      ],
    },
    {
      id: t.analytics,
      ...fromUs,
      activityId: a.analytics,
      processorId: p.googleAnalytics,
      destinationCountry: "US",
      accessType: "storage",
      subjectRegions: allRegions,
      estimatedSubjects: 380_000,
      encryptionInTransit: "tls1_3",
      encryptionAtRest: "provider_keys",
      mechanism: "dpf",
      status: "approved",
      startDate: day(-680),
      // The SDK keys its events to an app-instance id (a pseudonymous id), not to the account.
      categories: ["user.behavior.usage_log", "user.behavior.crash_log", "user.device.attributes", "user.unique_id.pseudonymous"],
    },
    {
      id: t.push,
      ...fromUs,
      activityId: a.push,
      processorId: p.pushWave,
      destinationCountry: "US",
      accessType: "storage",
      subjectRegions: allRegions,
      estimatedSubjects: 420_000,
      volumeUnit: "devices",
      encryptionInTransit: "tls1_3",
      encryptionAtRest: "provider_keys",
      // Relies on a DPF certification that lapsed -> processor.dpf-lapsed.
      mechanism: "dpf",
      status: "approved",
      startDate: day(-500),
      categories: ["user.device.push_token", "user.contact.email"],
    },
    {
      id: t.verificationCodes,
      ...fromUs,
      activityId: a.account,
      processorId: p.codeCourier,
      destinationCountry: "US",
      accessType: "storage",
      subjectRegions: allRegions,
      estimatedSubjects: 380_000,
      encryptionInTransit: "tls1_2",
      encryptionAtRest: "provider_keys",
      mechanism: "dpf",
      status: "approved",
      startDate: day(-300),
      categories: ["user.contact.email"],
      notes: "No agreement of any kind with CodeCourier.",
    },
    // US -> FR: inside the EEA for the EU subjects, so no Chapter V mechanism is needed.
    {
      id: t.marketingEmail,
      ...fromUs,
      activityId: a.marketing,
      processorId: p.reclame,
      destinationCountry: "FR",
      accessType: "storage",
      subjectRegions: ["EU", "US-CA", "US"],
      estimatedSubjects: 180_000,
      encryptionInTransit: "tls1_2",
      encryptionAtRest: "provider_keys",
      mechanism: "none",
      status: "approved",
      startDate: day(-1100),
      categories: ["user.contact.email", "user.name"],
      notes: "Covered by a DPA that expired; the campaigns go on while it is renegotiated.",
    },
    // US -> CN: technical support by remote access, a diagnostics server, the helpdesk, the R&D affiliate.
    {
      id: t.hengtongRegistry,
      ...fromUs,
      activityId: a.maintenance,
      processorId: p.hengtong,
      destinationCountry: "CN",
      accessType: "remote_access",
      subjectRegions: allRegions,
      estimatedSubjects: 250_000,
      volumeUnit: "devices",
      encryptionInTransit: "tls1_3",
      encryptionAtRest: "provider_keys",
      // SCC module 2 (with the UK Addendum for UK subjects).
      mechanism: "scc",
      tiaDate: day(-100),
      // 28 CFR 202.248: over the covered-identifier threshold, but a restricted transaction done right.
      cisaRequirementsMet: true,
      status: "approved",
      startDate: day(-700),
      categories: [
        "user.device.device_id",
        "user.device.imei",
        "user.device.mac_address",
        "user.account.username",
        "user.contact.email",
        "user.behavior.usage_log",
        "user.location.imprecise",
        "user.unique_id",
      ],
      notes: "Support engineers in Shenzhen reach the US device registry through a bastion host; no copy leaves the US.",
    },
    {
      id: t.hengtongDiagnostics,
      ...fromUs,
      activityId: a.maintenance,
      processorId: p.hengtong,
      destinationCountry: "CN",
      accessType: "storage",
      subjectRegions: ["EU", "US-CA", "US"],
      estimatedSubjects: 60_000,
      volumeUnit: "devices",
      // Deliberate: plain HTTP -> transfer.no-encryption-in-transit (high: no sensitive category).
      encryptionInTransit: "none",
      encryptionAtRest: "provider_keys",
      mechanism: "scc",
      tiaDate: day(-100),
      status: "approved",
      startDate: day(-700),
      categories: ["user.behavior.crash_log", "user.device.attributes", "user.telemetry"],
      notes: "Devices on legacy firmware 1.x upload diagnostic bundles over plain HTTP to Hengtong's log server; the fix ships in firmware 2.4.",
    },
    {
      id: t.helpdeskTickets,
      ...fromUs,
      activityId: a.afterSales,
      processorId: p.tianyu,
      destinationCountry: "CN",
      accessType: "storage",
      subjectRegions: ["EU", "US-CA", "US"],
      estimatedSubjects: 9_800,
      encryptionInTransit: "tls1_2",
      encryptionAtRest: "provider_keys",
      // Deliberate: SCCs signed (module 3) but no transfer impact assessment -> transfer.tia-missing (high, CN).
      mechanism: "scc",
      tiaDate: null,
      status: "approved",
      startDate: day(-300),
      categories: [
        "user.name",
        "user.contact.email",
        "user.contact.phone_number",
        "user.account.username",
        "user.device.device_id",
        "user.behavior.purchase_history",
        // The tickets themselves: the customer's messages and attachments.
        "user.content.private",
      ],
    },
    {
      id: t.shenzhenFaces,
      ...fromUs,
      activityId: a.maintenance,
      processorId: p.shenzhenAffiliate,
      destinationCountry: "CN",
      accessType: "remote_access",
      subjectRegions: ["EU", "US-CA", "US"],
      estimatedSubjects: 1_240,
      encryptionInTransit: "tls1_3",
      encryptionAtRest: "provider_keys",
      mechanism: "scc",
      tiaDate: day(-60),
      // Deliberate: biometric identifiers of 1,240 people > 1,000 (28 CFR 202.205(b)) to a covered person,
      // CISA requirements not met -> transfer.doj-bulk-restricted (critical).
      cisaRequirementsMet: false,
      status: "approved",
      startDate: day(-200),
      categories: ["user.biometric.face", "user.sensor.camera_footage", "user.device.device_id"],
      notes: "R&D engineers review the faces and clips behind reported recognition errors.",
    },
    {
      id: t.shenzhenLogs,
      ...fromUs,
      activityId: a.maintenance,
      processorId: p.shenzhenAffiliate,
      destinationCountry: "CN",
      accessType: "storage",
      subjectRegions: allRegions,
      estimatedSubjects: 320_000,
      volumeUnit: "devices",
      encryptionInTransit: "tls1_3",
      // Deliberate: unencrypted log server -> transfer.no-encryption-at-rest (medium).
      encryptionAtRest: "none",
      // Deliberate: EU/UK subjects to China with no mechanism -> transfer.no-mechanism (critical); it is
      // also outside the SCC annex -> transfer.no-contract.
      mechanism: "none",
      status: "approved",
      startDate: day(-150),
      categories: ["user.behavior.usage_log", "user.behavior.crash_log", "user.device.attributes", "user.telemetry"],
      notes: "Nightly log sync to an on-premises server in Shenzhen, set up by the firmware team.",
    },
    // US -> HK: the trading company's back-office and after-sales staff.
    {
      id: t.hongKongLocation,
      ...fromUs,
      activityId: a.maintenance,
      processorId: p.hongKongAffiliate,
      destinationCountry: "HK",
      accessType: "remote_access",
      subjectRegions: ["EU", "US-CA", "US"],
      estimatedSubjects: 40_000,
      volumeUnit: "devices",
      encryptionInTransit: "tls1_3",
      encryptionAtRest: "provider_keys",
      mechanism: "scc",
      tiaDate: day(-90),
      // Precise geolocation of 40,000 devices > 1,000 (202.205(c)): restricted, with the CISA requirements met.
      cisaRequirementsMet: true,
      status: "approved",
      startDate: day(-300),
      categories: ["user.location.precise.gps", "user.location.precise.wifi", "user.device.device_id"],
      notes: "Back-office support for robots sold in Asia-Pacific and to travellers: locating a lost or stuck device.",
    },
    {
      id: t.hongKongAfterSales,
      ...fromUs,
      activityId: a.afterSales,
      processorId: p.hongKongAffiliate,
      destinationCountry: "HK",
      accessType: "remote_access",
      subjectRegions: ["US-CA", "US"],
      estimatedSubjects: 18_000,
      encryptionInTransit: "tls1_3",
      encryptionAtRest: "provider_keys",
      // PCPD Recommended Model Contractual Clauses (2022); no EU subjects on this flow.
      mechanism: "hk_model_clauses",
      tiaDate: day(-90),
      cisaRequirementsMet: true,
      // 28 CFR 202.506: between a U.S. person and its affiliate in a country of concern, and ordinarily
      // incident to customer support, one of the administrative or ancillary operations the section names.
      // Not claimed for the location look-ups (the device service itself) nor for the Shenzhen face review
      // (product development): neither is ancillary to the business.
      dojExemption: "corporate_group",
      dojExemptionJustification:
        "28 CFR 202.506: GNCC Hong Kong is GNCC Inc.'s affiliate; its after-sales staff read the order, contact and payment record of a US customer only to handle that customer's warranty or repair request (customer support), and the data serves no other purpose there.",
      status: "approved",
      startDate: day(-300),
      categories: [
        "user.name",
        "user.contact.phone_number",
        "user.contact.address",
        "user.contact.email",
        "user.account.username",
        "user.behavior.purchase_history",
        "user.payment",
        "user.content.private",
      ],
      notes: "Amazon orders (order number, address, payment amount and time) checked for warranty claims.",
    },
    {
      id: t.hongKongContest,
      ...fromUs,
      activityId: a.marketing,
      processorId: p.hongKongAffiliate,
      destinationCountry: "HK",
      accessType: "storage",
      subjectRegions: ["EU"],
      estimatedSubjects: 5_000,
      // Deliberate: a monthly export on Art. 49(1)(a) consent -> transfer.art49-systematic (medium).
      frequency: "periodic",
      encryptionInTransit: "tls1_2",
      encryptionAtRest: "provider_keys",
      mechanism: "art49_consent",
      cisaRequirementsMet: true,
      status: "approved",
      startDate: day(-200),
      categories: ["user.name", "user.contact.email", "user.contact.address"],
      notes: "Monthly export of EU pre-order contest winners to Hong Kong, which ships the prizes.",
    },
    // CN -> US: the one export under PIPL (6,500 people's sensitive information: standard contract, filed).
    {
      id: t.chinaBeta,
      exporterEntityId: entity.shenzhen,
      createdByUserId: engineer,
      activityId: a.beta,
      processorId: p.usParent,
      originCountry: "CN",
      destinationCountry: "US",
      accessType: "storage",
      subjectRegions: ["CN"],
      estimatedSubjects: 6_500,
      encryptionInTransit: "tls1_3",
      encryptionAtRest: "customer_keys",
      mechanism: "pipl_standard_contract",
      // PIPL Art. 39: the beta's consent screen names GNCC Inc. with its contact, the purposes and categories,
      // and asks separately for the export; Art. 55-56: PIPIA-2025-07, done before the first upload. No EU or
      // UK subject: no Chapter V transfer impact assessment.
      piplSeparateConsent: true,
      pipiaDate: day(-260),
      tiaDate: null,
      // No important data (Data Security Law Art. 21; 2024 Provisions Art. 2): no catalogue or notice names
      // beta-test recordings of testers' homes.
      importantData: false,
      status: "approved",
      startDate: day(-240),
      categories: [
        "user.sensor.camera_footage",
        "user.biometric.face",
        "user.sensor.home_map",
        "user.device.device_id",
        "user.behavior.usage_log",
        // Testers' household members include children under 14 (PIPL Art. 28, 31: the guardian consents).
        "user.childrens",
      ],
    },
    // CN -> US: the beta app's crash reports, added by the firmware team outside the consent and the PIPIA.
    {
      id: t.chinaBetaCrashes,
      exporterEntityId: entity.shenzhen,
      createdByUserId: engineer,
      activityId: a.beta,
      processorId: p.crashTrace,
      originCountry: "CN",
      destinationCountry: "US",
      accessType: "storage",
      subjectRegions: ["CN"],
      estimatedSubjects: 6_500,
      encryptionInTransit: "tls1_3",
      encryptionAtRest: "provider_keys",
      // Under 100,000 people's non-sensitive information since 1 January: no CAC route needed (2024 Provisions
      // Art. 5(4))...
      mechanism: "none",
      // ...but deliberately, the beta's consent screen and PIPIA-2025-07 name only GNCC Inc. as the foreign
      // recipient: no separate consent to this export, no PIPIA -> transfer.pipl-consent-or-pipia-missing.
      piplSeparateConsent: false,
      pipiaDate: null,
      status: "draft",
      categories: ["user.behavior.crash_log", "user.device.attributes", "user.unique_id.pseudonymous"],
      notes: "Crash-reporting SDK built into the China beta app while CrashTrace is evaluated.",
    },
    {
      id: t.cloudflare,
      ...fromUs,
      activityId: a.security,
      processorId: p.cloudflare,
      destinationCountry: "US",
      accessType: "storage",
      subjectRegions: allRegions,
      estimatedSubjects: 380_000,
      encryptionInTransit: "tls1_3",
      encryptionAtRest: "provider_keys",
      mechanism: "dpf",
      status: "approved",
      startDate: day(-600),
      // The bot-management cookie Cloudflare sets on the website and API clients.
      categories: ["user.device.ip_address", "user.device.attributes", "user.behavior.usage_log", "user.device.cookie"],
    },
    {
      id: t.supportly,
      ...fromUs,
      activityId: a.afterSales,
      processorId: p.supportly,
      destinationCountry: "US",
      accessType: "storage",
      subjectRegions: ["EU", "US-CA", "US"],
      estimatedSubjects: 12_000,
      encryptionInTransit: "tls1_3",
      encryptionAtRest: "provider_keys",
      mechanism: "dpf",
      status: "submitted",
      startDate: day(30),
      categories: [
        "user.name",
        "user.contact.email",
        "user.contact.phone_number",
        "user.behavior.purchase_history",
        "user.device.device_id",
        "user.content.private",
      ],
    },
    {
      id: t.crashTrace,
      ...fromUs,
      activityId: a.analytics,
      processorId: p.crashTrace,
      destinationCountry: "US",
      accessType: "storage",
      subjectRegions: ["EU", "US-CA", "US"],
      estimatedSubjects: 2_000,
      encryptionInTransit: "tls1_3",
      encryptionAtRest: "provider_keys",
      mechanism: "dpf",
      status: "draft",
      categories: ["user.behavior.crash_log", "user.device.attributes", "user.unique_id.pseudonymous"],
      notes: "Beta app only, while the SDK is evaluated.",
    },
  ];
  const transferRows: NewTransfer[] = transferSpecs.map(({ categories: _categories, ...row }) => row);
  const transferCategoryRows = transferSpecs.flatMap((spec) =>
    spec.categories.map((categoryKey) => ({ transferId: spec.id, categoryKey })),
  );

  // ---- Safeguard agreements -----------------------------------------------------------------------
  const agreementSpecs: AgreementSpec[] = [
    {
      id: randomUUID(),
      processorId: p.aws,
      type: "dpa",
      signedDate: day(-1000),
      effectiveDate: day(-1000),
      permitsSubprocessing: true,
      flowDown: true,
      documentRef: "CLM-2023-014 AWS Data Processing Addendum",
    },
    {
      id: randomUUID(),
      processorId: p.aws,
      type: "ccpa_service_provider",
      signedDate: day(-1000),
      effectiveDate: day(-1000),
      documentRef: "CLM-2023-015 AWS service-provider terms (Cal. Civ. Code 1798.140(ag))",
    },
    {
      id: randomUUID(),
      processorId: p.googleAnalytics,
      type: "dpa",
      signedDate: day(-685),
      effectiveDate: day(-685),
      // Deliberate: expires within 60 days -> agreement.expiring-soon (low).
      expiryDate: day(45),
      permitsSubprocessing: true,
      flowDown: true,
      documentRef: "CLM-2024-031 Google Ads Data Processing Terms (Analytics)",
    },
    {
      id: randomUUID(),
      processorId: p.pushWave,
      type: "dpa",
      signedDate: day(-500),
      effectiveDate: day(-500),
      expiryDate: day(230),
      permitsSubprocessing: true,
      flowDown: true,
      documentRef: "CLM-2024-052 PushWave DPA",
    },
    {
      id: randomUUID(),
      processorId: p.reclame,
      type: "dpa",
      signedDate: day(-1115),
      effectiveDate: day(-1110),
      // Deliberate: expired three weeks ago while the campaigns continue -> agreement.expired (high).
      expiryDate: day(-20),
      documentRef: "CLM-2022-088 Contrat de sous-traitance (art. 28 RGPD), Réclame Numérique",
    },
    {
      id: randomUUID(),
      processorId: p.hengtong,
      type: "dpa",
      signedDate: day(-700),
      effectiveDate: day(-700),
      // Deliberate: general authorisation of sub-processors (Art. 28(2)) without the Art. 28(4) flow-down.
      permitsSubprocessing: true,
      flowDown: false,
      documentRef: "CLM-2024-007 数据处理协议 / Data processing agreement (legacy template)",
    },
    {
      id: randomUUID(),
      processorId: p.hengtong,
      type: "scc",
      sccModule: "module_2",
      signedDate: day(-400),
      effectiveDate: day(-400),
      documentRef: "CLM-2025-019 SCC 2021/914 module 2 + UK Addendum",
      notes: "Clause 9(a) option 1 (prior specific authorisation): none was requested for the helpdesk.",
    },
    {
      id: randomUUID(),
      processorId: p.hengtong,
      type: "confidentiality",
      signedDate: day(-700),
      effectiveDate: day(-700),
      documentRef: "CLM-2024-006 保密协议 / NDA",
    },
    {
      id: randomUUID(),
      processorId: p.tianyu,
      type: "scc",
      sccModule: "module_3",
      signedDate: day(-300),
      effectiveDate: day(-300),
      documentRef: "CLM-2025-044 SCC module 3 Hengtong -> 天宇云客服 (copy on file)",
    },
    {
      id: randomUUID(),
      processorId: p.shenzhenAffiliate,
      type: "scc",
      sccModule: "module_2",
      signedDate: day(-200),
      effectiveDate: day(-200),
      // Annex I describes the face-review access only: the nightly log sync was never added to it.
      coversAllTransfers: false,
      coveredTransferIds: [t.shenzhenFaces],
      documentRef: "CLM-2025-061 Intra-group SCC module 2 (GNCC Inc. -> Shenzhen R&D)",
    },
    {
      id: randomUUID(),
      processorId: p.shenzhenAffiliate,
      type: "confidentiality",
      signedDate: day(-900),
      effectiveDate: day(-900),
      documentRef: "CLM-2023-002 Intra-group confidentiality agreement",
    },
    {
      id: randomUUID(),
      processorId: p.hongKongAffiliate,
      type: "hk_model_clauses",
      signedDate: day(-300),
      effectiveDate: day(-300),
      documentRef: "CLM-2025-040 PCPD Recommended Model Contractual Clauses (2022), controller to processor",
    },
    {
      id: randomUUID(),
      processorId: p.hongKongAffiliate,
      type: "scc",
      sccModule: "module_2",
      signedDate: day(-300),
      effectiveDate: day(-300),
      documentRef: "CLM-2025-041 Intra-group SCC module 2 (GNCC Inc. -> GNCC Hong Kong)",
    },
    {
      id: randomUUID(),
      processorId: p.hongKongAffiliate,
      type: "ccpa_service_provider",
      signedDate: day(-300),
      effectiveDate: day(-300),
      documentRef: "CLM-2025-042 CCPA service-provider terms",
    },
    {
      id: randomUUID(),
      processorId: p.usParent,
      type: "pipl_standard_contract",
      signedDate: day(-250),
      effectiveDate: day(-240),
      // Measures on the Standard Contract for Export of Personal Information (2023) Art. 7: filed with the
      // provincial CAC within 10 working days of taking effect.
      documentRef: "CLM-2025-050 个人信息出境标准合同 (filed with the Guangdong CAC)",
    },
    {
      id: randomUUID(),
      processorId: p.cloudflare,
      type: "dpa",
      signedDate: day(-600),
      effectiveDate: day(-600),
      permitsSubprocessing: true,
      flowDown: true,
      documentRef: "CLM-2024-070 Cloudflare DPA",
    },
    {
      id: randomUUID(),
      processorId: p.supportly,
      type: "dpa",
      signedDate: day(-10),
      effectiveDate: day(-10),
      permitsSubprocessing: true,
      flowDown: true,
      documentRef: "CLM-2026-003 Supportly DPA (signed pending review)",
    },
    {
      id: randomUUID(),
      processorId: p.amazon,
      // Controller-to-controller marketplace terms: not a processing agreement.
      type: "other",
      signedDate: day(-1200),
      effectiveDate: day(-1200),
      documentRef: "Amazon Services Business Solutions Agreement (marketplace seller terms)",
    },
  ];
  const agreementRows: NewSafeguardAgreement[] = agreementSpecs.map(({ coveredTransferIds: _ids, ...row }) => row);
  const agreementTransferRows = agreementSpecs.flatMap((spec) =>
    (spec.coveredTransferIds ?? []).map((transferId) => ({ agreementId: spec.id, transferId })),
  );

  // ---- History: how the register came to be, over the past five months -----------------------------
  // lib/seed/demo.ts writes it into the audit trail (backdated, in time order) and into the flags' dates,
  // so that the open-flags trend and an export "as of" an earlier day show how the register grew.
  const firstWave = new Set<string>([p.aws, p.googleAnalytics, p.pushWave, p.codeCourier, p.reclame, p.usParent, p.amazon, p.cloudflare]);
  const asiaWave = new Set<string>([p.hengtong, p.tianyu, p.shenzhenAffiliate, p.hongKongAffiliate]);
  /** Days before today a vendor, with its transfers and agreements, was entered in the tool. */
  const vendorEnteredDaysAgo = (processorId: string) =>
    firstWave.has(processorId) ? 150 : asiaWave.has(processorId) ? 75 : processorId === p.supportly ? 3 : 1;
  const history = {
    /** The organisation (entities, activities) and the demo accounts: the day the tool was set up. */
    setUpDaysAgo: 152,
    vendorEnteredDaysAgo,
    /**
     * The Cloudflare flow was entered as it was then, sent over plain HTTP; the engineer switched it to TLS
     * 1.3 six weeks ago (the flag transfer.no-encryption-in-transit opened on entry, resolved that day).
     */
    transferFix: {
      transferId: t.cloudflare,
      daysAgo: 45,
      before: { encryptionInTransit: "none" as const },
    },
    /** The DPO accepted the helpdesk sub-processor's onward-transfer risk while Hengtong's DPA is renegotiated. */
    acceptedRisk: {
      ruleId: "processor.onward-uncovered",
      subjectId: p.tianyu,
      daysAgo: 30,
      acceptedUntil: day(60),
      justification: "Hengtong's DPA renewal (flow-down of Art. 28(4) obligations) is under negotiation; 天宇云客服 holds SCC module 3 meanwhile.",
    },
  };

  return {
    entities: entityRows,
    processors: processorRows,
    activities: activityRows,
    transfers: transferRows,
    transferCategories: transferCategoryRows,
    agreements: agreementRows,
    agreementTransfers: agreementTransferRows,
    history,
  };
}
