import "server-only";
import { geoArea, geoCentroid, geoEqualEarth, geoPath } from "d3-geo";
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon } from "geojson";
import countries from "i18n-iso-countries";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import countries110m from "world-atlas/countries-110m.json";
import countries50m from "world-atlas/countries-50m.json";
import type { Point } from "@/lib/dashboard/flow-map";

/*
 * The world as the dashboard map draws it: Natural Earth's country shapes from the world-atlas package (public
 * domain), bundled with the server, never fetched, projected once with d3-geo's Equal Earth projection into a
 * fixed picture. Shapes come from the 1:110m file (176 countries, about 75 kB of path data); the points where
 * routes start and end come from the 1:50m file, which also has the small territories data often goes to
 * (Hong Kong, Singapore, Macao, Malta, Bermuda) that the 1:110m file leaves out.
 */

export const MAP_WIDTH = 960;

// Antarctica (ISO 3166-1 numeric 010) receives no transfer and would take a fifth of the picture's height.
const ANTARCTICA = "010";

// world-atlas keys its countries by ISO 3166-1 numeric code; Kosovo has none (its alpha-2 XK is user-assigned).
const BY_NAME_WITHOUT_NUMBER: Readonly<Record<string, string>> = { Kosovo: "XK" };

type CountryFeature = Feature<Polygon | MultiPolygon, { name: string }>;

function countriesOf(topology: unknown): CountryFeature[] {
  const atlas = topology as Topology<{ countries: GeometryCollection<{ name: string }> }>;
  return (feature(atlas, atlas.objects.countries) as FeatureCollection<Geometry, { name: string }>).features.filter(
    (country): country is CountryFeature => country.id !== ANTARCTICA && (country.geometry?.type === "Polygon" || country.geometry?.type === "MultiPolygon"),
  );
}

function alpha2Of(country: CountryFeature): string | undefined {
  return country.id === undefined ? BY_NAME_WITHOUT_NUMBER[country.properties.name] : countries.numericToAlpha2(String(country.id));
}

export interface WorldShape {
  /** ISO 3166-1 alpha-2, or the atlas's own name when the country has no code (Northern Cyprus, Somaliland). */
  key: string;
  code: string | undefined;
  d: string;
}

export interface World {
  width: number;
  height: number;
  shapes: readonly WorldShape[];
  /** Where a country's routes start and end: the centre of its largest piece of land, projected. */
  anchor: (code: string) => Point | undefined;
}

let world: World | undefined;

/** The projected world, computed on first use and kept: it depends on nothing but the atlas files. */
export function projectedWorld(): World {
  world ??= projectWorld();
  return world;
}

function projectWorld(): World {
  const shapes = countriesOf(countries110m);
  const projection = geoEqualEarth().fitWidth(MAP_WIDTH, { type: "FeatureCollection", features: shapes });
  // One decimal is finer than a pixel at any width the dashboard has, and keeps the page about 75 kB lighter.
  const path = geoPath(projection).digits(1);
  const [, [, bottom]] = path.bounds({ type: "FeatureCollection", features: shapes });
  const anchors = new Map<string, { at: Point; area: number }>();
  for (const country of countriesOf(countries50m)) {
    const code = alpha2Of(country);
    if (!code) continue;
    // The mainland, not the average of every piece: the United States' centre would otherwise fall in Canada
    // (Alaska, Hawaii) and France's in the Atlantic (its overseas departments).
    const pieces: Polygon[] =
      country.geometry.type === "Polygon" ? [country.geometry] : country.geometry.coordinates.map((coordinates) => ({ type: "Polygon", coordinates }));
    for (const piece of pieces) {
      const area = geoArea(piece);
      const at = projection(geoCentroid(piece));
      const seen = anchors.get(code);
      if (at && (!seen || area > seen.area)) anchors.set(code, { at: [at[0], at[1]], area });
    }
  }
  return {
    width: MAP_WIDTH,
    height: Math.ceil(bottom),
    shapes: shapes.map((country) => {
      const code = alpha2Of(country);
      return { key: code ?? country.properties.name, code, d: path(country) ?? "" };
    }),
    anchor: (code) => anchors.get(code)?.at,
  };
}
