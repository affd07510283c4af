import Link from "next/link";
import { useTranslations } from "next-intl";
import type { FlowBand } from "@/db/queries/dashboard";
import { useUiLocale } from "@/components/layout/use-ui-locale";
import type { Formatters } from "@/lib/format/locale";
import { countryName, enumLabel } from "@/lib/labels";
import { dashboardLinks, type DashboardPopulation } from "./links";
import { SEVERITY_STROKE } from "./severity-cell";

const WIDTH = 640;
const ROW = 44;
const PAD = 12;
const MAX_BAND = 28;
const LEFT_X = 150;
const RIGHT_X = WIDTH - 170;

/**
 * A two-column flow picture: origins left, destinations right, band width proportional to the transfer
 * count, band colour the worst open flag. The same figures are listed in a table for screen readers.
 */
export function TransferFlow({ bands, format, pending }: { bands: readonly FlowBand[]; format: Formatters; pending: DashboardPopulation }) {
  const t = useTranslations("dashboard");
  const locale = useUiLocale();
  if (bands.length === 0) return <p className="text-sm text-slate-600">{t("noTransfer")}</p>;
  const country = (code: string) => countryName(code, locale);
  const worst = (band: FlowBand) => (band.worstOpenSeverity ? enumLabel("severity", band.worstOpenSeverity, locale) : t("flow.noOpenFlag"));
  const origins = [...new Set(bands.map((band) => band.origin))];
  const destinations = [...new Set(bands.map((band) => band.destination))];
  const height = PAD * 2 + ROW * Math.max(origins.length, destinations.length);
  const max = Math.max(...bands.map((band) => band.transfers));
  const y = (index: number) => PAD + ROW * index + ROW / 2;
  return (
    <figure data-testid="transfer-flow">
      <svg viewBox={`0 0 ${WIDTH} ${height}`} className="h-auto w-full max-w-3xl" role="img" aria-labelledby="flow-title flow-desc">
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
          const mid = (LEFT_X + RIGHT_X) / 2;
          return (
            <path
              key={`${band.origin}-${band.destination}`}
              d={`M ${LEFT_X} ${y1} C ${mid} ${y1}, ${mid} ${y2}, ${RIGHT_X} ${y2}`}
              fill="none"
              stroke={SEVERITY_STROKE[band.worstOpenSeverity ?? "none"]}
              strokeOpacity={0.55}
              strokeWidth={Math.max(2, (band.transfers / max) * MAX_BAND)}
              // A dashed band marks an open critical or high flag, so the warning does not rely on colour alone.
              strokeDasharray={band.worstOpenSeverity === "critical" || band.worstOpenSeverity === "high" ? "6 3" : undefined}
            />
          );
        })}
        {origins.map((origin, index) => (
          <text key={origin} x={LEFT_X - 8} y={y(index)} textAnchor="end" dominantBaseline="middle" className="fill-slate-800 text-xs">
            {country(origin)}
          </text>
        ))}
        {destinations.map((destination, index) => (
          // Plain text: the picture is one image to assistive technology; the links are in the table below it.
          <text key={destination} x={RIGHT_X + 8} y={y(index)} dominantBaseline="middle" className="fill-slate-800 text-xs">
            {country(destination)}
          </text>
        ))}
      </svg>
      <figcaption className="mt-1 text-xs text-slate-600">{t("flow.legend")}</figcaption>
      <details className="mt-2 text-sm">
        <summary className="cursor-pointer text-slate-700">{t("flow.asTable")}</summary>
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
      </details>
    </figure>
  );
}
