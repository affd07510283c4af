import { describe, expect, it } from "vitest";
import {
  arcPath,
  isDashed,
  layoutFlowMap,
  mergeRoutes,
  placeLabels,
  routeStrokeWidth,
  routesByConcern,
  routeTone,
  worstSeverity,
  type FlowRoute,
  type Point,
} from "./flow-map";

const route = (origin: string, destination: string, transfers: number, worstOpenSeverity: FlowRoute["worstOpenSeverity"]): FlowRoute => ({
  origin,
  destination,
  transfers,
  worstOpenSeverity,
});

describe("worstSeverity", () => {
  it("takes the catalogue's order, not the alphabet's", () => {
    expect(worstSeverity(["medium", "high", null])).toBe("high");
    expect(worstSeverity(["low", "critical", "medium"])).toBe("critical");
    expect(worstSeverity([null, null])).toBeNull();
    expect(worstSeverity([])).toBeNull();
  });
});

describe("mergeRoutes", () => {
  it("adds up the transfers of one origin and destination and keeps the worst flag", () => {
    expect(mergeRoutes([route("US", "CN", 2, "medium"), route("US", "HK", 1, null), route("US", "CN", 3, "high")])).toEqual([
      route("US", "CN", 5, "high"),
      route("US", "HK", 1, null),
    ]);
  });

  it("keeps the two directions of a pair apart", () => {
    expect(mergeRoutes([route("US", "CN", 1, null), route("CN", "US", 1, "low")])).toHaveLength(2);
  });
});

describe("colouring and order", () => {
  it("tones a route without an open flag 'none' and dashes only high and critical", () => {
    expect(routeTone(route("US", "CN", 1, null))).toBe("none");
    expect(routeTone(route("US", "CN", 1, "low"))).toBe("low");
    expect([isDashed("critical"), isDashed("high"), isDashed("medium"), isDashed("low"), isDashed("none")]).toEqual([true, true, false, false, false]);
  });

  it("lists the worst routes first, then the busiest", () => {
    const ordered = routesByConcern([route("US", "DE", 9, null), route("US", "HK", 1, "high"), route("US", "CN", 4, "critical"), route("HK", "US", 3, "high")]);
    expect(ordered.map((r) => `${r.origin}-${r.destination}`)).toEqual(["US-CN", "HK-US", "US-HK", "US-DE"]);
  });

  it("widens a line with the square root of its share of the busiest route, within bounds", () => {
    expect(routeStrokeWidth(100, 100)).toBe(7);
    expect(routeStrokeWidth(25, 100)).toBe(4.3);
    expect(routeStrokeWidth(1, 100)).toBeGreaterThan(routeStrokeWidth(0, 100));
    expect(routeStrokeWidth(0, 0)).toBe(1.5);
  });
});

describe("arcPath", () => {
  it("bows a west–east route towards the top of the picture", () => {
    const d = arcPath([100, 200], [300, 200]);
    const [, , , cy] = d.match(/^M([\d.-]+),([\d.-]+) Q([\d.-]+),([\d.-]+) 300,200$/)!.slice(1).map(Number);
    expect(d.startsWith("M100,200 Q200,")).toBe(true);
    expect(cy).toBe(150);
    // The other direction bows upwards too: the control point is above the line either way.
    expect(arcPath([300, 200], [100, 200])).toBe("M300,200 Q200,150 100,200");
  });

  it("draws a loop above the point for a route within one country", () => {
    expect(arcPath([50, 50], [50, 50])).toMatch(/^M50,50 C38,32 62,32 50,50$/);
  });
});

describe("layoutFlowMap", () => {
  const anchors: Record<string, Point> = { US: [200, 150], CN: [700, 180], HK: [710, 200] };
  const anchor = (code: string) => anchors[code];

  it("draws the placeable routes, worst last (on top), and lists the others as not drawn", () => {
    const layout = layoutFlowMap([route("US", "CN", 3, "critical"), route("US", "HK", 1, null), route("US", "XK", 2, "low")], anchor);
    expect(layout.arcs.map((arc) => [arc.key, arc.tone, arc.dashed])).toEqual([
      ["US-HK", "none", false],
      ["US-CN", "critical", true],
    ]);
    expect(layout.arcs[1]!.strokeWidth).toBeGreaterThan(layout.arcs[0]!.strokeWidth);
    expect(layout.unplaced).toEqual([route("US", "XK", 2, "low")]);
  });

  it("gives each end point the worst tone of the routes that touch it", () => {
    const layout = layoutFlowMap([route("US", "CN", 3, "critical"), route("US", "HK", 1, null)], anchor);
    expect(layout.points).toEqual([
      { code: "CN", at: [700, 180], tone: "critical" },
      { code: "HK", at: [710, 200], tone: "none" },
      { code: "US", at: [200, 150], tone: "critical" },
    ]);
  });
});

describe("placeLabels", () => {
  const options = { width: 960, height: 420, charWidth: 8, lineHeight: 20 };
  const overlap = (a: { x: number; y: number; width: number }, b: { x: number; y: number; width: number }) =>
    a.x < b.x + b.width && b.x < a.x + a.width && Math.abs(a.y - b.y) < 20;

  it("keeps two close points' names apart and joins a moved name to its point", () => {
    const [china, hongKong] = placeLabels(
      [
        { code: "CN", text: "China", at: [700, 180] },
        { code: "HK", text: "Hong Kong", at: [705, 188] },
      ],
      options,
    );
    expect(overlap(china!, hongKong!)).toBe(false);
    expect(china!.moved).toBe(false);
    expect(hongKong!.moved).toBe(true);
  });

  it("puts a name left of a point near the right edge and inside the picture near the top", () => {
    const [label] = placeLabels([{ code: "NZ", text: "New Zealand", at: [950, 2] }], options);
    expect(label!.x + label!.width).toBeLessThanOrEqual(960);
    expect(label!.x).toBeGreaterThanOrEqual(0);
    expect(label!.y).toBeGreaterThanOrEqual(10);
  });
});
