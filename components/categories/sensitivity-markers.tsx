import { Badge } from "@/components/ui/badge";
import { DOJ_CATEGORY_LABELS } from "@/components/transfers/labels";
import type { DojCategory } from "@/db/schema/enums";

/** The regimes under which a category is sensitive (DOMAIN.md §2), as badges; "None" when it is under none. */
export function SensitivityMarkers({
  category,
}: {
  category: { gdprSpecial: boolean; ccpaSensitive: boolean; piplSensitive: boolean; dojCategory: string };
}) {
  const markers: string[] = [];
  if (category.gdprSpecial) markers.push("GDPR Art. 9");
  if (category.ccpaSensitive) markers.push("CCPA sensitive");
  if (category.piplSensitive) markers.push("PIPL sensitive");
  if (category.dojCategory !== "none") markers.push(`DOJ: ${DOJ_CATEGORY_LABELS[category.dojCategory as DojCategory] ?? category.dojCategory}`);
  if (markers.length === 0) return <span className="text-slate-500">None</span>;
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
