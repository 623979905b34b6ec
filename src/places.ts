/**
 * Place names for the workshop's default area, looked up locally: the pickup is named beside its
 * coordinates without asking a geocoding service (none is configured, and tiles may be offline).
 */
import type { LatLng } from './ride-api.ts';

/** A named part of Seattle. */
export type Place =
  | 'downtown'
  | 'belltown'
  | 'pioneerSquare'
  | 'internationalDistrict'
  | 'firstHill'
  | 'capitolHill'
  | 'southLakeUnion'
  | 'queenAnne'
  | 'fremont'
  | 'ballard';

// Each place's heart; a point is named after the nearest heart within REACH_KM.
const HEARTS: readonly (readonly [Place, number, number])[] = [
  ['downtown', 47.6062, -122.3321],
  ['belltown', 47.6145, -122.3465],
  ['pioneerSquare', 47.6015, -122.3343],
  ['internationalDistrict', 47.5985, -122.3238],
  ['firstHill', 47.6088, -122.3235],
  ['capitolHill', 47.6235, -122.3195],
  ['southLakeUnion', 47.6256, -122.3367],
  ['queenAnne', 47.6372, -122.3571],
  ['fremont', 47.6505, -122.3499],
  ['ballard', 47.6686, -122.3849],
];

const REACH_KM = 1.2;
const EARTH_RADIUS_KM = 6371;

/** The named part of Seattle nearest to `point`, or null when none is within reach. */
export function placeNear(point: LatLng): Place | null {
  let nearest: Place | null = null;
  let nearestKm = REACH_KM;
  for (const [place, latitude, longitude] of HEARTS) {
    const km = distanceKm(point, { latitude, longitude });
    if (km <= nearestKm) {
      nearest = place;
      nearestKm = km;
    }
  }
  return nearest;
}

/** Equirectangular distance: exact enough across a city. */
function distanceKm(a: LatLng, b: LatLng): number {
  const toRadians = Math.PI / 180;
  const x =
    (b.longitude - a.longitude) * toRadians * Math.cos(((a.latitude + b.latitude) / 2) * toRadians);
  const y = (b.latitude - a.latitude) * toRadians;
  return Math.hypot(x, y) * EARTH_RADIUS_KM;
}
