import Link from "next/link";
import { useTranslations } from "next-intl";
import { DASHBOARD_POPULATIONS, type DashboardPopulation } from "./links";

/**
 * Which records the dashboard counts: links, not a form, so that the choice lives in the URL (`?pending=`)
 * like the exports' own parameter, and works without JavaScript.
 */
export function PopulationSwitch({ current }: { current: DashboardPopulation }) {
  const t = useTranslations("dashboard");
  return (
    <nav aria-label={t("population.label")} data-testid="population-switch">
      <ul className="inline-flex overflow-hidden rounded-md border border-slate-300 text-sm">
        {DASHBOARD_POPULATIONS.map((population) => {
          const active = population === current;
          return (
            <li key={population} className="border-l border-slate-300 first:border-l-0">
              <Link
                href={`/?pending=${population}`}
                aria-current={active ? "page" : undefined}
                data-testid={`population-${population}`}
                className={active ? "block bg-brand-700 px-3 py-1.5 font-medium text-white" : "block bg-white px-3 py-1.5 text-slate-700 hover:bg-slate-50"}
              >
                {t(`population.${population}`)}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
