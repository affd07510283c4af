import { getLocale, getTranslations } from "next-intl/server";
import { db } from "@/db/client";
import { appLocale } from "@/components/registers/locale-format";
import type { DocumentOwner, DocumentRecord, DocumentVersionRecord } from "@/lib/api/contracts/documents";
import { userActor } from "@/lib/auth/actor";
import type { Actor } from "@/lib/auth/guard";
import { listDocumentsWithVersions } from "@/lib/documents/queries";
import { mayFileDocuments } from "@/lib/documents/service";
import { documentMaxBytes } from "@/lib/documents/limits";
import type { Locale } from "@/lib/i18n/locales";
import { enumLabel, formatDateTime } from "@/lib/labels";
import { CopyButton } from "./copy-button";
import { formatFileSize } from "./format";
import { DocumentUploadForm } from "./upload-form";

/*
 * The documents filed with one record (an agreement, a transfer, a processing activity), on the record's page:
 * each with its kind, title, current version, size, who uploaded it and when, its SHA-256 (copyable, wrapping on
 * a phone), a download link per version (each download is audited), the version history, and for whoever may
 * edit the record the forms to file a document or a new version.
 */

type Translate = Awaited<ReturnType<typeof getTranslations<"documents">>>;

function Sha256({ value, label }: { value: string; label: string }) {
  return (
    <span className="flex items-start gap-2">
      {/* A hash is an identifier: monospace, and broken anywhere so that it never widens a phone's page. */}
      <code className="min-w-0 break-all font-mono text-xs text-slate-800" data-testid="document-sha256">
        {value}
      </code>
      <CopyButton value={value} label={label} />
    </span>
  );
}

function uploadedBy(version: DocumentVersionRecord, t: Translate, locale: Locale) {
  return t("uploadedByAt", { name: version.uploadedByName ?? t("unknownUploader"), date: formatDateTime(version.uploadedAt, locale) });
}

function VersionHistory({ document, t, locale }: { document: DocumentRecord; t: Translate; locale: Locale }) {
  return (
    <details className="mt-3">
      <summary className="cursor-pointer text-sm font-medium text-brand-700">{t("history", { count: document.versions.length })}</summary>
      <ol className="mt-2 space-y-2" aria-label={t("historyLabel", { title: document.title })}>
        {document.versions.map((version) => (
          <li key={version.versionNumber} className="rounded-md border border-slate-200 p-2 text-sm" data-testid="document-version">
            <p className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
              <span className="font-medium">{t("versionNumber", { number: String(version.versionNumber) })}</span>
              <span className="break-all">{version.fileName}</span>
              <span className="text-slate-700">{formatFileSize(version.sizeBytes, locale)}</span>
              <a href={version.contentUrl} className="text-brand-700 underline" download>
                {t("downloadVersion", { number: String(version.versionNumber) })}
              </a>
            </p>
            <p className="mt-1 text-slate-700">{uploadedBy(version, t, locale)}</p>
            <div className="mt-1">
              <Sha256 value={version.sha256} label={t("copyLabel", { title: document.title, number: String(version.versionNumber) })} />
            </div>
          </li>
        ))}
      </ol>
    </details>
  );
}

/** `actor`: the page's (requirePageActor); the forms show only to whoever the upload would accept. */
export async function DocumentsPanel({ owner, actor }: { owner: DocumentOwner; actor: Actor }) {
  const database = db();
  const [documents, canUpload, t, locale] = await Promise.all([
    listDocumentsWithVersions({ db: database, owner }),
    mayFileDocuments({ db: database, actor: userActor(actor), owner }),
    getTranslations("documents"),
    getLocale().then(appLocale),
  ]);
  const maxBytes = documentMaxBytes();
  const headingId = `documents-${owner.id}`;
  return (
    <section aria-labelledby={headingId} data-testid="documents-panel">
      <h2 id={headingId} className="mb-1 text-lg font-semibold">
        {t("title")}
      </h2>
      <p className="mb-3 text-sm text-slate-700">{t("intro")}</p>
      {documents.length === 0 ? (
        <p className="rounded-lg border border-slate-200 bg-white p-4 text-sm text-slate-700">{t("empty")}</p>
      ) : (
        <ul className="space-y-3">
          {documents.map((document) => (
            <li key={document.id} className="rounded-lg border border-slate-200 bg-white p-4" data-testid="document">
              <h3 className="font-medium">{document.title}</h3>
              <dl className="mt-2 grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
                <dt className="text-slate-600">{t("kind")}</dt>
                <dd>{enumLabel("documentKind", document.kind, locale)}</dd>
                <dt className="text-slate-600">{t("currentVersion")}</dt>
                <dd data-testid="document-current-version">
                  {t("versionNumber", { number: String(document.current.versionNumber) })} · <span className="break-all">{document.current.fileName}</span> ·{" "}
                  {formatFileSize(document.current.sizeBytes, locale)}
                </dd>
                <dt className="text-slate-600">{t("uploaded")}</dt>
                <dd>{uploadedBy(document.current, t, locale)}</dd>
                <dt className="text-slate-600">{t("sha256")}</dt>
                <dd className="min-w-0">
                  <Sha256 value={document.current.sha256} label={t("copyLabel", { title: document.title, number: String(document.current.versionNumber) })} />
                </dd>
              </dl>
              <p className="mt-2 text-sm">
                <a href={document.current.contentUrl} className="font-medium text-brand-700 underline" download data-testid="document-download">
                  {t("download", { title: document.title })}
                </a>
              </p>
              <VersionHistory document={document} t={t} locale={locale} />
              {canUpload && (
                <details className="mt-3">
                  <summary className="cursor-pointer text-sm font-medium text-brand-700">{t("newVersion.open")}</summary>
                  <div className="mt-2">
                    <DocumentUploadForm
                      target={{ kind: "version", documentId: document.id, version: document.version, nextNumber: document.current.versionNumber + 1, title: document.title }}
                      maxBytes={maxBytes}
                    />
                  </div>
                </details>
              )}
            </li>
          ))}
        </ul>
      )}
      {canUpload && (
        <div className="mt-4 rounded-lg border border-slate-200 bg-white p-4">
          <h3 className="mb-2 font-medium">{t("upload.heading")}</h3>
          <DocumentUploadForm target={{ kind: "new", owner: { field: owner.field, id: owner.id } }} maxBytes={maxBytes} />
        </div>
      )}
    </section>
  );
}
