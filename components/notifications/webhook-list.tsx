"use client";

import { useLocale, useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { TableScroll } from "@/components/ui/table-scroll";
import { appLocale } from "@/components/registers/locale-format";
import type { WebhookRecord } from "@/lib/api/contracts/notifications";
import { enumLabel, formatDate } from "@/lib/labels";
import type { DeleteWebhookAction, TestWebhookAction } from "./action-types";

/** The DPO's webhook endpoints, each with "send test" and "delete". */
export function WebhookList({ endpoints, deleteWebhook, testWebhook }: { endpoints: WebhookRecord[]; deleteWebhook: DeleteWebhookAction; testWebhook: TestWebhookAction }) {
  const t = useTranslations("notifications");
  const locale = appLocale(useLocale());
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  if (endpoints.length === 0) return <p className="text-sm text-slate-700">{t("webhooks.empty")}</p>;

  const run = (work: () => Promise<{ ok: true } | { ok: false; error: { message: string } }>, done: string) => {
    setMessage(null);
    startTransition(async () => {
      const result = await work();
      setMessage(result.ok ? { ok: true, text: done } : { ok: false, text: result.error.message });
    });
  };

  return (
    <div className="space-y-2">
      <TableScroll label={t("webhooks.listLabel")}>
        <table className="min-w-full text-sm" data-testid="webhook-table">
          <thead className="bg-slate-50 text-left text-xs text-slate-700">
            <tr>
              <th scope="col" className="px-3 py-2">{t("webhooks.columns.name")}</th>
              <th scope="col" className="px-3 py-2">{t("webhooks.columns.url")}</th>
              <th scope="col" className="px-3 py-2">{t("webhooks.columns.events")}</th>
              <th scope="col" className="px-3 py-2">{t("webhooks.columns.created")}</th>
              <th scope="col" className="px-3 py-2">{t("webhooks.columns.actions")}</th>
            </tr>
          </thead>
          <tbody>
            {endpoints.map((endpoint) => (
              <tr key={endpoint.id} className="border-t border-slate-200 align-top">
                <td className="px-3 py-2 font-medium">{endpoint.name}</td>
                <td className="break-all px-3 py-2 font-mono text-xs">{endpoint.url}</td>
                <td className="px-3 py-2">{endpoint.events.map((event) => enumLabel("notificationEvent", event, locale)).join(", ")}</td>
                <td className="whitespace-nowrap px-3 py-2">{formatDate(endpoint.createdAt, locale)}</td>
                <td className="px-3 py-2">
                  <div className="flex flex-wrap gap-2">
                    <Button
                      type="button"
                      variant="secondary"
                      className="px-2 py-1 text-xs"
                      disabled={pending}
                      onClick={() => run(() => testWebhook({ id: endpoint.id }), t("webhooks.testQueued", { name: endpoint.name }))}
                    >
                      {t("webhooks.sendTest", { name: endpoint.name })}
                    </Button>
                    <Button
                      type="button"
                      variant="ghost"
                      className="px-2 py-1 text-xs text-red-700"
                      disabled={pending}
                      onClick={() => {
                        if (!window.confirm(t("webhooks.deleteConfirm", { name: endpoint.name }))) return;
                        run(() => deleteWebhook({ id: endpoint.id, version: endpoint.version }), t("webhooks.deleted", { name: endpoint.name }));
                      }}
                    >
                      {t("webhooks.delete", { name: endpoint.name })}
                    </Button>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <p aria-live="polite" className={`text-sm ${message?.ok ? "text-green-800" : "text-red-700"}`} data-testid="webhook-message">
        {message?.text}
      </p>
    </div>
  );
}
