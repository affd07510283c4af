import Link from "next/link";
import { useTranslations } from "next-intl";

/**
 * A sortable column header: a link to the same register with `sort` and `direction` in the URL, so that a
 * sorted view is a shareable link. Clicking the active column flips the direction; paging restarts at 1.
 */
export function SortHeader({
  label,
  column,
  sort,
  direction,
  basePath,
  searchParams,
  className = "",
}: {
  label: string;
  column: string;
  /** The column the page is sorted by. */
  sort: string;
  direction: "asc" | "desc";
  basePath: string;
  searchParams: Record<string, string | undefined>;
  className?: string;
}) {
  const t = useTranslations("registers.sort");
  const active = sort === column;
  const nextDirection = active && direction === "asc" ? "desc" : "asc";
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(searchParams)) if (value && key !== "page" && key !== "sort" && key !== "direction") params.set(key, value);
  params.set("sort", column);
  params.set("direction", nextDirection);
  return (
    <th scope="col" className={`px-3 py-2 ${className}`} aria-sort={active ? (direction === "asc" ? "ascending" : "descending") : "none"}>
      <Link href={`${basePath}?${params.toString()}`} className="inline-flex items-center gap-1 uppercase hover:underline">
        {label}
        <span aria-hidden="true">{active ? (direction === "asc" ? "▲" : "▼") : "↕"}</span>
        <span className="sr-only">{active ? t(direction === "asc" ? "ascending" : "descending") : t("sortable")}</span>
      </Link>
    </th>
  );
}
