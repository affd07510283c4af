import { getLocale, getTranslations } from "next-intl/server";
import { appLocale } from "@/components/registers/locale-format";
import type { GeneratedDisclosure } from "@/lib/notices/generate";

/**
 * What the register says the notice's recipients and international-transfers sections should read, in the page's
 * language, with the line diff against the notice's current words, and the downloads (Markdown, JSON for a website
 * build) in both languages.
 */
export async function GeneratedSections({ disclosure, noticeId }: { disclosure: GeneratedDisclosure; noticeId: string | null }) {
  const [t, locale] = await Promise.all([getTranslations("notice"), getLocale().then(appLocale)]);
  return (
    <section aria-labelledby="notice-generated" className="space-y-3">
      <h2 id="notice-generated" className="text-lg font-semibold">
        {t("generated.title")}
      </h2>
      <p className="max-w-3xl text-sm text-slate-700">{t("generated.intro")}</p>
      {noticeId ? (
        <ul className="flex flex-wrap gap-3 text-sm" aria-label={t("generated.downloads")}>
          {(["en", "fr"] as const).flatMap((language) =>
            (["md", "json"] as const).map((format) => (
              <li key={`${language}-${format}`}>
                <a className="text-brand-700 underline" href={`/api/v1/notices/${noticeId}/generated?language=${language}&format=${format}`} download>
                  {t(`generated.download.${format}`, { language: t(`generated.language.${language}`) })}
                </a>
              </li>
            )),
          )}
        </ul>
      ) : null}
      <div className="space-y-4 rounded border border-slate-200 p-3" data-testid="generated-sections" lang={disclosure.language === locale ? undefined : disclosure.language}>
        {disclosure.sections.map((section) => (
          <div key={section.id}>
            <h3 className="font-medium">{section.title}</h3>
            <div className="whitespace-pre-wrap text-sm text-slate-800">{section.lines.join("\n").replace(/\*\*/g, "")}</div>
          </div>
        ))}
      </div>
      {noticeId ? (
        <div className="space-y-1">
          <h3 className="font-medium">{t("generated.diffTitle", { added: disclosure.added, removed: disclosure.removed })}</h3>
          <p className="text-sm text-slate-700">{t("generated.diffIntro")}</p>
          <pre className="max-h-96 overflow-auto rounded bg-slate-50 p-2 text-xs" data-testid="generated-diff" tabIndex={0} aria-label={t("generated.diffLabel")}>
            {disclosure.diff.map((part, index) => (
              <span
                key={index}
                className={part.kind === "added" ? "bg-green-100 text-green-900" : part.kind === "removed" ? "bg-red-100 text-red-900 line-through" : "text-slate-600"}
              >
                {part.kind === "added" ? <span className="sr-only">{t("generated.added")} </span> : part.kind === "removed" ? <span className="sr-only">{t("generated.removed")} </span> : null}
                {part.text}
              </span>
            ))}
          </pre>
        </div>
      ) : null}
    </section>
  );
}
