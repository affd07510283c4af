import Link from "next/link";
import { useTranslations } from "next-intl";
import type { FlowBand } from "@/db/queries/dashboard";
import { useUiLocale } from "@/components/layout/use-ui-locale";
import { TableScroll } from "@/components/ui/table-scroll";
import type { Formatters } from "@/lib/format/locale";
import { countryName, enumLabel } from "@/lib/labels";
import { dashboardLinks, type DashboardPopulation } from "./links";
import { SEVERITY_STROKE } from "./severity-cell";

// Row height in CSS pixels: the labels are HTML rows of this height, the bands meet their middles.
const ROW = 44;
const MAX_BAND = 28;
// The bands' own coordinate width: the picture stretches it to its column (preserveAspectRatio none), and
// non-scaling strokes keep the bands' widths in pixels whatever that column's width is.
const SPAN = 100;

/**
 * A two-column flow picture: origins left, destinations right, band width proportional to the transfer
 * count, band colour the worst open flag. The country names are HTML beside the bands, not SVG text, so that
 * they wrap in their column instead of being clipped by the picture, and keep their size on a phone; the same
 * figures are listed in a table for screen readers.
 */
export function TransferFlow({ bands, format, pending }: { bands: readonly FlowBand[]; format: Formatters; pending: DashboardPopulation }) {
  const t = useTranslations("dashboard");
  const locale = useUiLocale();
  if (bands.length === 0) return <p className="text-sm text-slate-600">{t("noTransfer")}</p>;
  const country = (code: string) => countryName(code, locale);
  const worst = (band: FlowBand) => (band.worstOpenSeverity ? enumLabel("severity", band.worstOpenSeverity, locale) : t("flow.noOpenFlag"));
  const origins = [...new Set(bands.map((band) => band.origin))];
  const destinations = [...new Set(bands.map((band) => band.destination))];
  const height = ROW * Math.max(origins.length, destinations.length);
  const max = Math.max(...bands.map((band) => band.transfers));
  const y = (index: number) => ROW * index + ROW / 2;
  const labelClass = "flex items-center text-xs leading-tight text-slate-800 [overflow-wrap:anywhere]";
  return (
    <figure data-testid="transfer-flow" className="max-w-3xl">
      <div className="grid grid-cols-[minmax(0,auto)_minmax(3rem,1fr)_minmax(0,auto)] gap-x-2">
        <ul className="max-w-48 text-right" aria-label={t("flow.origin")}>
          {origins.map((origin) => (
            <li key={origin} className={`${labelClass} justify-end`} style={{ height: ROW }} data-testid={`flow-origin-${origin}`}>
              {country(origin)}
            </li>
          ))}
        </ul>
        <svg viewBox={`0 0 ${SPAN} ${height}`} preserveAspectRatio="none" className="block w-full" style={{ height }} role="img" aria-labelledby="flow-title flow-desc">
          <title id="flow-title">{t("flow.title")}</title>
          <desc id="flow-desc">
            {bands
              .map((band) =>
                t("flow.band", {
                  origin: country(band.origin),
                  destination: country(band.destination),
                  transfers: band.transfers,
                  transfersText: format.number(band.transfers),
                  worst: worst(band),
                }),
              )
              .join("; ")}
          </desc>
          {bands.map((band) => {
            const y1 = y(origins.indexOf(band.origin));
            const y2 = y(destinations.indexOf(band.destination));
            return (
              <path
                key={`${band.origin}-${band.destination}`}
                d={`M 0 ${y1} C ${SPAN / 2} ${y1}, ${SPAN / 2} ${y2}, ${SPAN} ${y2}`}
                fill="none"
                stroke={SEVERITY_STROKE[band.worstOpenSeverity ?? "none"]}
                strokeOpacity={0.55}
                strokeWidth={Math.max(2, (band.transfers / max) * MAX_BAND)}
                vectorEffect="non-scaling-stroke"
                // A dashed band marks an open critical or high flag, so the warning does not rely on colour alone.
                strokeDasharray={band.worstOpenSeverity === "critical" || band.worstOpenSeverity === "high" ? "6 3" : undefined}
              />
            );
          })}
        </svg>
        {/* Plain text: the links are in the table below the picture. */}
        <ul className="max-w-48" aria-label={t("flow.destination")}>
          {destinations.map((destination) => (
            <li key={destination} className={labelClass} style={{ height: ROW }} data-testid={`flow-destination-${destination}`}>
              {country(destination)}
            </li>
          ))}
        </ul>
      </div>
      <figcaption className="mt-1 text-xs text-slate-600">{t("flow.legend")}</figcaption>
      <details className="mt-2 text-sm">
        <summary className="cursor-pointer text-slate-700">{t("flow.asTable")}</summary>
        <TableScroll label={t("flow.asTable")}>
          <table className="mt-2 min-w-full" data-testid="transfer-flow-table">
            <thead>
              <tr className="text-left text-slate-600">
                <th scope="col" className="p-1 font-medium">{t("flow.origin")}</th>
                <th scope="col" className="p-1 font-medium">{t("flow.destination")}</th>
                <th scope="col" className="p-1 text-right font-medium">{t("flow.transfers")}</th>
                <th scope="col" className="p-1 font-medium">{t("flow.worstOpenFlag")}</th>
              </tr>
            </thead>
            <tbody>
              {bands.map((band) => (
                <tr key={`${band.origin}-${band.destination}`} className="border-t border-slate-200">
                  <td className="p-1">{country(band.origin)}</td>
                  <td className="p-1">
                    {/* The band's own transfers: from its origin (the exporting entity's country) to its destination. */}
                    <Link
                      prefetch={false}
                      href={dashboardLinks.flow(pending, band.origin, band.destination)}
                      className="text-brand-700 underline"
                      data-testid={`flow-${band.origin}-${band.destination}`}
                    >
                      {country(band.destination)}
                    </Link>
                  </td>
                  <td className="p-1 text-right tabular-nums">{format.number(band.transfers)}</td>
                  <td className="p-1">{worst(band)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </details>
    </figure>
  );
}
