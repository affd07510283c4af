import { useTranslations } from "next-intl";
import type { OpenFlagsDay } from "@/db/queries/dashboard";
import type { Formatters } from "@/lib/format/locale";

const WIDTH = 640;
const HEIGHT = 160;
const PAD = 24;

/** A line of the open flag count per day, with the same figures in a table. */
export function OpenFlagsChart({ days, format }: { days: readonly OpenFlagsDay[]; format: Formatters }) {
  const t = useTranslations("dashboard");
  if (days.length === 0) return null;
  const max = Math.max(1, ...days.map((day) => day.open));
  const x = (index: number) => PAD + (index * (WIDTH - 2 * PAD)) / Math.max(1, days.length - 1);
  const y = (open: number) => HEIGHT - PAD - (open / max) * (HEIGHT - 2 * PAD);
  const first = days[0]!;
  const last = days[days.length - 1]!;
  return (
    <figure data-testid="open-flags-chart">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} className="h-auto w-full max-w-3xl" role="img" aria-labelledby="trend-title trend-desc">
        <title id="trend-title">{t("trend.title")}</title>
        <desc id="trend-desc">
          {t("trend.description", {
            from: format.shortDate(first.day),
            fromOpen: format.number(first.open),
            to: format.shortDate(last.day),
            toOpen: format.number(last.open),
            highest: format.number(max),
          })}
        </desc>
        <line x1={PAD} y1={HEIGHT - PAD} x2={WIDTH - PAD} y2={HEIGHT - PAD} stroke="#cbd5e1" />
        <polyline
          fill="none"
          stroke="#1d4ed8"
          strokeWidth={2}
          points={days.map((day, index) => `${x(index)},${y(day.open)}`).join(" ")}
        />
        <text x={PAD} y={HEIGHT - 6} className="fill-slate-600 text-[10px]">{format.shortDate(first.day)}</text>
        <text x={WIDTH - PAD} y={HEIGHT - 6} textAnchor="end" className="fill-slate-600 text-[10px]">{format.shortDate(last.day)}</text>
        <text x={PAD} y={y(max) - 4} className="fill-slate-600 text-[10px]">{format.number(max)}</text>
      </svg>
      <details className="mt-2 text-sm">
        <summary className="cursor-pointer text-slate-700">{t("trend.asTable")}</summary>
        <table className="mt-2" data-testid="open-flags-table">
          <thead>
            <tr className="text-left text-slate-600">
              <th scope="col" className="p-1 font-medium">{t("trend.day")}</th>
              <th scope="col" className="p-1 text-right font-medium">{t("trend.openFlags")}</th>
            </tr>
          </thead>
          <tbody>
            {days.map((day) => (
              <tr key={day.day} className="border-t border-slate-200">
                <td className="p-1">{format.date(day.day)}</td>
                <td className="p-1 text-right tabular-nums">{format.number(day.open)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
