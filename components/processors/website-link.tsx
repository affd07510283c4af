import { useTranslations } from "next-intl";

/**
 * A processor's website as a link only when it is an http(s) URL (or a bare host name); anything else is
 * shown as text, so that a stored "javascript:" value can never become a link.
 */
export function WebsiteLink({ website }: { website: string | null }) {
  const t = useTranslations("processors");
  if (!website) return <>—</>;
  const href = toHttpUrl(website);
  if (!href) return <>{website}</>;
  return (
    <a href={href} target="_blank" rel="noopener noreferrer" className="text-brand-700 underline">
      {website}
      <span className="sr-only"> {t("newTab")}</span>
    </a>
  );
}

function toHttpUrl(value: string): string | null {
  const trimmed = value.trim();
  const candidate = /^[a-z][a-z0-9+.-]*:/i.test(trimmed) ? trimmed : `https://${trimmed}`;
  try {
    const url = new URL(candidate);
    if (url.protocol !== "https:" && url.protocol !== "http:") return null;
    // A bare word ("n/a") is not a host name.
    if (!url.hostname.includes(".")) return null;
    return url.toString();
  } catch {
    return null;
  }
}
