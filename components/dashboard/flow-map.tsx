import Link from "next/link";
import { useTranslations } from "next-intl";
import type { FlowBand } from "@/db/queries/dashboard";
import { useUiLocale } from "@/components/layout/use-ui-locale";
import type { Formatters } from "@/lib/format/locale";
import { isDashed, layoutFlowMap, placeLabels, routesByConcern, routeTone, type RouteTone } from "@/lib/dashboard/flow-map";
import { countryName, enumLabel } from "@/lib/labels";
import { dashboardLinks, type DashboardPopulation } from "./links";
import { SEVERITY_STROKE } from "./severity-cell";
import { projectedWorld } from "./world-atlas";

const TONES: readonly RouteTone[] = ["critical", "high", "medium", "low", "none"];
const LABEL_SIZE = 15;
// The server cannot measure text: an average character of the label font is about 0.56 em wide.
const LABEL_CHAR_WIDTH = LABEL_SIZE * 0.56;
const DASH = "8 4";

/** A short line in a route's colour and dash, beside its words in the legend and the list (decorative). */
function Swatch({ tone }: { tone: RouteTone }) {
  return (
    <svg viewBox="0 0 28 8" className="h-2 w-7 shrink-0" aria-hidden="true" focusable="false">
      <line x1="1" y1="4" x2="27" y2="4" stroke={SEVERITY_STROKE[tone]} strokeWidth="3" strokeDasharray={isDashed(tone) ? "5 3" : undefined} />
    </svg>
  );
}

/**
 * The world map of the transfers: one arc per route from the exporting entity's country to the destination,
 * its colour (and dash, for high and critical) the worst open flag on the route's transfers, its width the
 * number of transfers. Drawn on the server as one SVG that scales to its box; the legend and the list of routes
 * below say the same in words, with a link from each route to its transfers.
 */
export function FlowMap({ routes, format, pending }: { routes: readonly FlowBand[]; format: Formatters; pending: DashboardPopulation }) {
  const t = useTranslations("dashboard");
  const locale = useUiLocale();
  if (routes.length === 0) return <p className="text-sm text-slate-600">{t("noTransfer")}</p>;
  const world = projectedWorld();
  const country = (code: string) => countryName(code, locale);
  const layout = layoutFlowMap(routes, world.anchor);
  const involved = new Set(layout.points.map((point) => point.code));
  const labels = placeLabels(
    layout.points.map((point) => ({ code: point.code, text: country(point.code), at: point.at })),
    { width: world.width, height: world.height, charWidth: LABEL_CHAR_WIDTH, lineHeight: LABEL_SIZE * 1.3 },
  );
  const worst = (severity: FlowBand["worstOpenSeverity"]) => (severity ? enumLabel("severity", severity, locale) : t("map.noOpenFlag"));
  const sentence = (route: FlowBand) =>
    t("map.route", {
      origin: country(route.origin),
      destination: country(route.destination),
      transfers: route.transfers,
      transfersText: format.number(route.transfers),
      worst: worst(route.worstOpenSeverity),
    });
  const unplacedCountries = [...new Set(layout.unplaced.flatMap((route) => [route.origin, route.destination]).filter((code) => !world.anchor(code)))];

  return (
    <figure className="space-y-3" data-testid="flow-map">
      <div className="overflow-hidden rounded-lg border border-slate-200 bg-sky-50">
        <svg
          viewBox={`0 0 ${world.width} ${world.height}`}
          className="block h-auto w-full"
          role="img"
          aria-labelledby="flow-map-title flow-map-desc"
          data-testid="flow-map-svg"
        >
          <title id="flow-map-title">{t("map.title")}</title>
          <desc id="flow-map-desc">{t("map.description", { routes: layout.arcs.length + layout.unplaced.length })}</desc>
          <defs>
            {TONES.map((tone) => (
              <marker
                key={tone}
                id={`flow-map-arrow-${tone}`}
                viewBox="0 0 10 10"
                refX="8"
                refY="5"
                markerWidth="11"
                markerHeight="11"
                markerUnits="userSpaceOnUse"
                orient="auto"
              >
                <path d="M0,0 L10,5 L0,10 z" fill={SEVERITY_STROKE[tone]} />
              </marker>
            ))}
          </defs>
          <g stroke="#ffffff" strokeWidth={0.5} strokeLinejoin="round">
            {world.shapes.map((shape) => (
              <path key={shape.key} d={shape.d} data-country={shape.key} fill={shape.code && involved.has(shape.code) ? "#94a3b8" : "#cbd5e1"} />
            ))}
          </g>
          <g fill="none" strokeLinecap="round">
            {layout.arcs.map((arc) => (
              <path
                key={arc.key}
                d={arc.d}
                stroke={SEVERITY_STROKE[arc.tone]}
                strokeWidth={arc.strokeWidth}
                strokeOpacity={0.9}
                strokeDasharray={arc.dashed ? DASH : undefined}
                markerEnd={`url(#flow-map-arrow-${arc.tone})`}
                data-route={arc.key}
                data-tone={arc.tone}
              />
            ))}
          </g>
          <g>
            {layout.points.map((point) => (
              <circle key={point.code} cx={point.at[0]} cy={point.at[1]} r={4} fill="#0f172a" stroke="#ffffff" strokeWidth={1.5} />
            ))}
          </g>
          <g fontSize={LABEL_SIZE} fill="#0f172a" stroke="#ffffff" strokeWidth={3.5} strokeLinejoin="round" paintOrder="stroke">
            {labels.map((label) => (
              <g key={label.code}>
                {label.moved ? (
                  <line x1={label.at[0]} y1={label.at[1]} x2={label.x} y2={label.y} stroke="#475569" strokeWidth={0.75} />
                ) : null}
                <text x={label.x} y={label.y} dominantBaseline="middle">
                  {label.text}
                </text>
              </g>
            ))}
          </g>
        </svg>
      </div>
      <figcaption className="space-y-3 text-sm">
        <div>
          <p className="font-medium text-slate-700">{t("map.legend")}</p>
          <ul className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-slate-700" data-testid="flow-map-legend">
            {TONES.map((tone) => (
              <li key={tone} className="flex items-center gap-2">
                <Swatch tone={tone} />
                <span>{tone === "none" ? t("map.noOpenFlagLegend") : enumLabel("severity", tone, locale)}</span>
              </li>
            ))}
          </ul>
          <p className="mt-1 text-xs text-slate-600">{t("map.legendNote")}</p>
        </div>
        <div>
          <p className="font-medium text-slate-700" id="flow-map-routes">
            {t("map.routes")}
          </p>
          <ol className="mt-1 space-y-1" aria-labelledby="flow-map-routes" data-testid="flow-map-routes">
            {routesByConcern(routes).map((route) => (
              <li key={`${route.origin}-${route.destination}`} className="flex items-baseline gap-2">
                <Swatch tone={routeTone(route)} />
                <Link
                  prefetch={false}
                  href={dashboardLinks.flow(pending, route.origin, route.destination)}
                  className="text-brand-700 underline"
                  data-testid={`map-route-${route.origin}-${route.destination}`}
                >
                  {sentence(route)}
                </Link>
              </li>
            ))}
          </ol>
          {unplacedCountries.length > 0 ? (
            <p className="mt-1 text-xs text-slate-600" data-testid="flow-map-unplaced">
              {t("map.unplaced", { countries: unplacedCountries.map(country).join(", ") })}
            </p>
          ) : null}
        </div>
      </figcaption>
    </figure>
  );
}
