import { useLocale, useTranslations } from "next-intl";
import { appLocale } from "@/components/registers/locale-format";
import { Badge } from "@/components/ui/badge";
import { enumLabel } from "@/lib/labels";

/**
 * The regimes under which a category is sensitive (DOMAIN.md §2), as badges; "None" when it is under none.
 * next-intl hooks only, so that the server's category page and the client register both render it.
 */
export function SensitivityMarkers({
  category,
}: {
  category: { gdprSpecial: boolean; ccpaSensitive: boolean; piplSensitive: boolean; dojCategory: string };
}) {
  const t = useTranslations("categories.markers");
  const locale = appLocale(useLocale());
  const markers: string[] = [];
  if (category.gdprSpecial) markers.push(t("gdpr"));
  if (category.ccpaSensitive) markers.push(t("ccpa"));
  if (category.piplSensitive) markers.push(t("pipl"));
  if (category.dojCategory !== "none") markers.push(t("doj", { category: enumLabel("dojCategory", category.dojCategory, locale) }));
  if (markers.length === 0) return <span className="text-slate-500">{t("none")}</span>;
  return (
    <span className="flex flex-wrap gap-1" data-testid="sensitive-marker">
      {markers.map((marker) => (
        <Badge key={marker} tone="orange">
          {marker}
        </Badge>
      ))}
    </span>
  );
}
