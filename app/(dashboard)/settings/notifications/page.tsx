import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { DeliveryLog } from "@/components/notifications/delivery-log";
import { PreferencesForm } from "@/components/notifications/preferences-form";
import { WebhookForm } from "@/components/notifications/webhook-form";
import { WebhookList } from "@/components/notifications/webhook-list";
import { requirePageActor, serviceContext } from "@/lib/auth/guard";
import { requestLocale } from "@/lib/i18n/request";
import { IMMEDIATE_EVENTS, WEBHOOK_EVENTS } from "@/lib/notifications/preferences";
import { getNotificationSettings, listDeliveries, listWebhookEndpoints } from "@/lib/notifications/service";
import { createWebhook, deleteWebhook, saveNotificationSettings, testWebhook } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("notifications");
  return { title: t("title") };
}
export const dynamic = "force-dynamic";

const LOG_PAGE_SIZE = 20;

export default async function NotificationsPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const actor = await requirePageActor();
  const ctx = serviceContext(actor);
  const isDpo = actor.role === "dpo";
  const raw = await searchParams;
  // A URL is never an error page: a page number that does not parse is the first page.
  const page = Math.max(1, Math.min(1_000_000, Number.parseInt(raw.page ?? "1", 10) || 1));
  const [settings, t, locale] = await Promise.all([getNotificationSettings({ ctx }), getTranslations("notifications"), requestLocale()]);
  const [endpoints, log] = isDpo
    ? await Promise.all([listWebhookEndpoints({ ctx, page: 1, pageSize: 100 }), listDeliveries({ ctx, query: { page: String(page), pageSize: String(LOG_PAGE_SIZE) } })])
    : [null, null];

  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="text-sm text-slate-700">{t("intro")}</p>
        {!settings.emailConfigured && (
          <p className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950" data-testid="smtp-missing">
            {t("preferences.noSmtp")}
          </p>
        )}
      </div>
      <PreferencesForm initial={{ ...settings, events: settings.events }} events={IMMEDIATE_EVENTS} save={saveNotificationSettings} />
      {isDpo && endpoints && log && (
        <>
          <section aria-labelledby="webhooks-heading" className="space-y-3">
            <h2 id="webhooks-heading" className="text-lg font-semibold">
              {t("webhooks.heading")}
            </h2>
            <p className="text-sm text-slate-700">{t("webhooks.intro")}</p>
            <p className="text-sm text-slate-700">{t("webhooks.verify")}</p>
            <WebhookList endpoints={endpoints.data} deleteWebhook={deleteWebhook} testWebhook={testWebhook} />
            <WebhookForm events={WEBHOOK_EVENTS} createWebhook={createWebhook} />
          </section>
          <section aria-labelledby="deliveries-heading" className="space-y-3">
            <h2 id="deliveries-heading" className="text-lg font-semibold">
              {t("deliveries.heading")}
            </h2>
            <DeliveryLog rows={log.data} page={log.page} pageSize={log.pageSize} total={log.total} locale={locale} searchParams={raw} />
          </section>
        </>
      )}
    </div>
  );
}
