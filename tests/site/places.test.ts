/** Naming the pickup from the local table of Seattle's parts. */
import { describe, expect, it } from 'vitest';
import { placeNear } from '../../src/places.ts';

describe('placeNear', () => {
  it('names the map’s starting point Downtown', () => {
    expect(placeNear({ latitude: 47.6062, longitude: -122.3321 })).toBe('downtown');
  });

  it('names the nearest part of the city', () => {
    expect(placeNear({ latitude: 47.6236, longitude: -122.3197 })).toBe('capitolHill');
    expect(placeNear({ latitude: 47.6016, longitude: -122.3342 })).toBe('pioneerSquare');
  });

  it('names nothing away from the workshop’s area', () => {
    expect(placeNear({ latitude: 37.5665, longitude: 126.978 })).toBeNull();
    expect(placeNear({ latitude: 47.55, longitude: -122.45 })).toBeNull();
  });
});
