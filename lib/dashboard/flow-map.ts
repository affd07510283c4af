import { SEVERITIES, type Severity } from "@/db/schema/enums";

/*
 * The dashboard map's geometry as pure functions of the routes and of where each country sits on the picture:
 * which routes are drawn, in which order, colour, width and curve, and where the country names go so that no
 * two overlap and none leaves the picture. The projection itself (d3-geo over world-atlas) is
 * components/dashboard/world-atlas.ts; this module knows only points in the picture's coordinates.
 */

/** One route of the map: the transfers from the exporting entity's country to one destination (db/queries/dashboard.ts). */
export interface FlowRoute {
  origin: string;
  destination: string;
  transfers: number;
  worstOpenSeverity: Severity | null;
}

/** A route's tone: its worst open flag, or "none" when no flag is open on any of its transfers. */
export type RouteTone = Severity | "none";

export type Point = readonly [x: number, y: number];

/** The worse of the given severities in the catalogue's order (low < medium < high < critical), null when none. */
export function worstSeverity(severities: Iterable<Severity | null>): Severity | null {
  let worst = -1;
  for (const severity of severities) {
    if (severity !== null) worst = Math.max(worst, SEVERITIES.indexOf(severity));
  }
  return worst < 0 ? null : SEVERITIES[worst]!;
}

/** Adds up routes that share origin and destination (e.g. the same pair read twice), keeping the worst flag. */
export function mergeRoutes(routes: readonly FlowRoute[]): FlowRoute[] {
  const byPair = new Map<string, FlowRoute>();
  for (const route of routes) {
    const key = `${route.origin}>${route.destination}`;
    const seen = byPair.get(key);
    byPair.set(
      key,
      seen
        ? { ...seen, transfers: seen.transfers + route.transfers, worstOpenSeverity: worstSeverity([seen.worstOpenSeverity, route.worstOpenSeverity]) }
        : { ...route },
    );
  }
  return [...byPair.values()];
}

export function routeTone(route: Pick<FlowRoute, "worstOpenSeverity">): RouteTone {
  return route.worstOpenSeverity ?? "none";
}

const TONE_RANK: Readonly<Record<RouteTone, number>> = { none: 0, low: 1, medium: 2, high: 3, critical: 4 };

/** The order a reader goes through the routes: worst open flag first, then most transfers, then by codes. */
export function routesByConcern<T extends FlowRoute>(routes: readonly T[]): T[] {
  return [...routes].sort(
    (a, b) =>
      TONE_RANK[routeTone(b)] - TONE_RANK[routeTone(a)] ||
      b.transfers - a.transfers ||
      a.origin.localeCompare(b.origin) ||
      a.destination.localeCompare(b.destination),
  );
}

/** A high or critical route is dashed as well as coloured, so that the warning does not rely on colour alone. */
export function isDashed(tone: RouteTone): boolean {
  return tone === "high" || tone === "critical";
}

const MIN_STROKE = 1.5;
const MAX_STROKE = 7;

/** Line width by transfer count, by square root so that one busy route does not hide the others. */
export function routeStrokeWidth(transfers: number, maxTransfers: number): number {
  if (maxTransfers <= 0 || transfers <= 0) return MIN_STROKE;
  const share = Math.sqrt(Math.min(transfers, maxTransfers) / maxTransfers);
  return Math.round((MIN_STROKE + share * (MAX_STROKE - MIN_STROKE)) * 10) / 10;
}

const round = (value: number) => Math.round(value * 10) / 10;

/**
 * The curve from `from` to `to`: a quadratic arc bowed towards the top of the picture (a flat map's usual way
 * of showing a flight), its height a quarter of the distance so that routes between the same regions stay
 * apart. A route within one country (origin and destination the same) is a small loop above its point.
 */
export function arcPath(from: Point, to: Point): string {
  const [x1, y1] = from;
  const [x2, y2] = to;
  const dx = x2 - x1;
  const dy = y2 - y1;
  const distance = Math.hypot(dx, dy);
  if (distance < 1) {
    const r = 6;
    return `M${round(x1)},${round(y1)} C${round(x1 - 2 * r)},${round(y1 - 3 * r)} ${round(x1 + 2 * r)},${round(y1 - 3 * r)} ${round(x1)},${round(y1)}`;
  }
  // The unit normal pointing up (negative y); for a vertical route, to the right.
  let nx = -dy / distance;
  let ny = dx / distance;
  if (ny > 0 || (ny === 0 && nx < 0)) {
    nx = -nx;
    ny = -ny;
  }
  const bow = distance / 4;
  const cx = (x1 + x2) / 2 + nx * bow;
  const cy = (y1 + y2) / 2 + ny * bow;
  return `M${round(x1)},${round(y1)} Q${round(cx)},${round(cy)} ${round(x2)},${round(y2)}`;
}

export interface MapArc {
  key: string;
  route: FlowRoute;
  tone: RouteTone;
  d: string;
  strokeWidth: number;
  dashed: boolean;
}

export interface MapPoint {
  code: string;
  at: Point;
  tone: RouteTone;
}

export interface FlowMapLayout {
  /** Drawing order: the least worrying first, so that the worst routes are drawn on top. */
  arcs: MapArc[];
  /** Every country at either end of a drawn route, with the worst tone of the routes that touch it. */
  points: MapPoint[];
  /** Routes with an end the atlas cannot place (a code it lacks): listed in words, not drawn. */
  unplaced: FlowRoute[];
}

/** Arcs and endpoints for the routes, given where each country code sits on the picture (undefined: not on it). */
export function layoutFlowMap(routes: readonly FlowRoute[], anchor: (code: string) => Point | undefined): FlowMapLayout {
  const merged = mergeRoutes(routes);
  const max = Math.max(0, ...merged.map((route) => route.transfers));
  const arcs: MapArc[] = [];
  const unplaced: FlowRoute[] = [];
  const points = new Map<string, MapPoint>();
  const touch = (code: string, at: Point, tone: RouteTone) => {
    const seen = points.get(code);
    if (!seen || TONE_RANK[tone] > TONE_RANK[seen.tone]) points.set(code, { code, at, tone });
  };
  for (const route of routesByConcern(merged).reverse()) {
    const from = anchor(route.origin);
    const to = anchor(route.destination);
    if (!from || !to) {
      unplaced.push(route);
      continue;
    }
    const tone = routeTone(route);
    arcs.push({
      key: `${route.origin}-${route.destination}`,
      route,
      tone,
      d: arcPath(from, to),
      strokeWidth: routeStrokeWidth(route.transfers, max),
      dashed: isDashed(tone),
    });
    touch(route.origin, from, tone);
    touch(route.destination, to, tone);
  }
  return { arcs, points: [...points.values()].sort((a, b) => a.code.localeCompare(b.code)), unplaced: routesByConcern(unplaced) };
}

export interface LabelBox {
  code: string;
  text: string;
  /** Where the text starts (textAnchor start) and its baseline's middle. */
  x: number;
  y: number;
  width: number;
  /** Whether the label was moved off its point to avoid another one: a leader line joins them. */
  moved: boolean;
  at: Point;
}

export interface LabelOptions {
  width: number;
  height: number;
  /** Estimated width of one character at the label's font size (the server cannot measure text). */
  charWidth: number;
  lineHeight: number;
  /** Gap between a point and its label. */
  gap?: number;
}

/**
 * Places one label per point, beside it, inside the picture and without overlapping another label: right of
 * the point, or left when that would leave the picture; when it overlaps a label already placed it moves down
 * a line (then up) until it is clear. Points are placed top to bottom, so the order is stable.
 */
export function placeLabels(points: readonly { code: string; text: string; at: Point }[], options: LabelOptions): LabelBox[] {
  const { width, height, charWidth, lineHeight } = options;
  const gap = options.gap ?? 6;
  const placed: LabelBox[] = [];
  const overlaps = (x: number, y: number, w: number) =>
    placed.some((box) => x < box.x + box.width + 2 && box.x < x + w + 2 && Math.abs(box.y - y) < lineHeight);
  const clampY = (y: number) => Math.min(height - lineHeight / 2, Math.max(lineHeight / 2, y));
  for (const point of [...points].sort((a, b) => a.at[1] - b.at[1] || a.at[0] - b.at[0])) {
    const labelWidth = Math.ceil(point.text.length * charWidth);
    const [px, py] = point.at;
    const right = px + gap;
    const x = Math.max(0, right + labelWidth <= width ? right : px - gap - labelWidth);
    let y = clampY(py);
    // Try the point's own line, then alternately further below and above it.
    const candidates = [y];
    for (let step = 1; step <= 12; step++) candidates.push(clampY(py + step * lineHeight), clampY(py - step * lineHeight));
    y = candidates.find((candidate) => !overlaps(x, candidate, labelWidth)) ?? y;
    placed.push({ code: point.code, text: point.text, x: round(x), y: round(y), width: labelWidth, moved: Math.abs(y - py) >= 1, at: point.at });
  }
  return placed;
}
