/**
 * The pickup map: Leaflet centred on Seattle, a pin where the rider picks, and the unicorn that
 * travels to it. Nothing here waits on tiles, so picking, the pin and the unicorn work offline.
 */
import 'leaflet/dist/leaflet.css';
import * as L from 'leaflet';
import type { MapConfig } from './config.ts';
import type { LatLng } from './ride-api.ts';

/** Downtown Seattle, where the workshop's unicorns live. */
export const SEATTLE: LatLng = { latitude: 47.6062, longitude: -122.3321 };

/** How long the unicorn takes from the map corner to the pin. */
export const TRAVEL_MS = 2000;

const START_ZOOM = 13;

/** Asks for a callback before the next repaint (`requestAnimationFrame`). */
export type RequestFrame = (callback: (time: number) => void) => unknown;

/** What `createPickupMap` needs. */
export interface PickupMapOptions {
  readonly tiles: MapConfig;
  /** Called with the point the rider picked (a click, Enter on the map, or `pickCentre`). */
  readonly onPick: (point: LatLng) => void;
  /** Called when a round of tiles is done: false when none of them could load (offline). */
  readonly onTiles?: (loaded: boolean) => void;
  /**
   * Where the tiles' credit goes, outside the map so it comes after the page's own controls in
   * tab order; shown only while tiles are on the map, since an offline map shows nobody's work.
   */
  readonly credit: HTMLElement;
  /** Leaflet's own pan, zoom and fade animations are turned off when true. */
  readonly reducedMotion?: boolean;
}

/** How the unicorn travels. */
export interface Motion {
  /** True: it appears at the pin at once. */
  readonly reduced: boolean;
  readonly requestFrame: RequestFrame;
  readonly durationMs?: number;
}

/** The map as the ride page uses it. */
export interface PickupMap {
  /** Picks the point at the map's centre, as Enter on the focused map does. */
  pickCentre(): void;
  /** Shows the pickup pin at `point` (sending the last ride's unicorn off), or removes it. */
  showPin(point: LatLng | null): void;
  /** Moves the unicorn from the map corner farthest from `to` onto `to`; resolves on arrival. */
  sendUnicorn(to: LatLng, motion: Motion): Promise<void>;
  /** Asks for the tiles again; `onTiles` tells how that round went. */
  retryTiles(): void;
}

/** Turns `container` into the pickup map. */
export function createPickupMap(container: HTMLElement, options: PickupMapOptions): PickupMap {
  const { tiles, onPick, onTiles = () => {}, credit, reducedMotion = false } = options;
  const map = L.map(container, {
    center: toLeaflet(SEATTLE),
    zoom: START_ZOOM,
    attributionControl: false,
    zoomAnimation: !reducedMotion,
    fadeAnimation: !reducedMotion,
    markerZoomAnimation: !reducedMotion,
    inertia: !reducedMotion,
  });
  // Leaflet fires `load` once every visible tile is done, failed ones included; the map counts
  // as offline when a round of tiles brought no image at all.
  let loaded = 0;
  let failed = 0;
  credit.hidden = true;
  credit.append(L.control.attribution().addTo(map).getContainer() ?? '');
  const tileLayer = L.tileLayer(tiles.tileUrl, { attribution: tiles.attribution, maxZoom: 19 })
    .on('loading', () => {
      loaded = 0;
      failed = 0;
    })
    .on('tileload', () => {
      loaded += 1;
      credit.hidden = false;
    })
    .on('tileerror', () => {
      failed += 1;
    })
    .on('load', () => {
      credit.hidden = loaded === 0;
      onTiles(loaded > 0 || failed === 0);
    })
    .addTo(map);

  const pin = L.marker(toLeaflet(SEATTLE), {
    icon: imageIcon(image(container, 'pickup-pin.svg'), 'pickup-pin', [32, 46], [16, 43]),
    interactive: false,
    keyboard: false,
  });
  const unicornImage = image(container, 'unicorn.svg');
  const unicorn = L.marker(toLeaflet(SEATTLE), {
    icon: imageIcon(unicornImage, 'unicorn-marker', [60, 60], [30, 30]),
    interactive: false,
    keyboard: false,
    zIndexOffset: 1000,
  });

  // Wrapped, so a map panned round the world still sends a longitude within ±180°.
  const pickAt = (point: L.LatLng): void => onPick(fromLeaflet(map.wrapLatLng(point)));
  const pickCentre = (): void => pickAt(map.getCenter());
  map.on('click', (event: L.LeafletMouseEvent) => pickAt(event.latlng));
  // Leaflet focuses the map on mouse-down, which Chrome may count as :focus-visible; the centre
  // cross that Enter picks is for keyboard users only, so the page marks keyboard use itself.
  const keyboardUse = (on: boolean) => () => container.classList.toggle('is-keyboard', on);
  container.addEventListener('pointerdown', keyboardUse(false));
  container.addEventListener('blur', keyboardUse(false));
  container.addEventListener('keyup', (event) => {
    if (event.key === 'Tab' && event.target === container) keyboardUse(true)();
  });
  container.addEventListener('keydown', (event) => {
    // Only the map itself: Enter on its zoom buttons or attribution links keeps its own meaning.
    if (event.target !== container || event.altKey || event.ctrlKey || event.metaKey) return;
    keyboardUse(true)();
    if (event.key !== 'Enter' && event.key !== ' ') return;
    event.preventDefault();
    pickCentre();
  });

  return {
    pickCentre,
    retryTiles: () => tileLayer.redraw(),
    showPin(point) {
      if (point === null) {
        pin.remove();
        return;
      }
      unicorn.remove();
      pin.setLatLng(toLeaflet(point)).addTo(map);
    },
    async sendUnicorn(to, { reduced, requestFrame, durationMs = TRAVEL_MS }) {
      const end = toLeaflet(to);
      const start = farthestCorner(map, end);
      unicornImage.classList.toggle('is-facing-left', end.lng < start.lng);
      unicorn.setLatLng(reduced ? end : start).addTo(map);
      if (reduced) return;
      const icon = unicorn.getElement();
      icon?.classList.add('is-travelling');
      await travel(durationMs, requestFrame, (progress) => {
        unicorn.setLatLng(
          L.latLng(
            start.lat + (end.lat - start.lat) * progress,
            start.lng + (end.lng - start.lng) * progress,
          ),
        );
      });
      icon?.classList.remove('is-travelling');
    },
  };
}

/** Calls `step` with eased progress from 0 to 1 on animation frames over `durationMs`. */
function travel(
  durationMs: number,
  requestFrame: RequestFrame,
  step: (progress: number) => void,
): Promise<void> {
  return new Promise((resolve) => {
    let startTime: number | null = null;
    const frame = (time: number): void => {
      startTime ??= time;
      const linear = Math.min(1, (time - startTime) / durationMs);
      step(easeInOut(linear));
      if (linear < 1) requestFrame(frame);
      else resolve();
    };
    requestFrame(frame);
  });
}

function easeInOut(t: number): number {
  return t < 0.5 ? 2 * t * t : 1 - (-2 * t + 2) ** 2 / 2;
}

/** The corner of the visible map farthest from `point`, so the unicorn crosses the whole view. */
function farthestCorner(map: L.Map, point: L.LatLng): L.LatLng {
  const size = map.getSize();
  const target = map.latLngToContainerPoint(point);
  const corners = [L.point(0, 0), L.point(size.x, 0), L.point(0, size.y), L.point(size.x, size.y)];
  const far = corners.reduce((best, corner) =>
    corner.distanceTo(target) > best.distanceTo(target) ? corner : best,
  );
  return map.containerPointToLatLng(far);
}

function image(container: HTMLElement, src: string): HTMLImageElement {
  const element = container.ownerDocument.createElement('img');
  // Relative to the page, so the site also works under a sub-path. Decorative: the pickup text
  // and the updates list say in words what the pin and the unicorn show.
  element.src = src;
  element.alt = '';
  element.draggable = false;
  return element;
}

function imageIcon(
  html: HTMLImageElement,
  className: string,
  iconSize: [number, number],
  iconAnchor: [number, number],
): L.DivIcon {
  return L.divIcon({ html, className, iconSize, iconAnchor });
}

function toLeaflet({ latitude, longitude }: LatLng): L.LatLng {
  return L.latLng(latitude, longitude);
}

function fromLeaflet({ lat, lng }: L.LatLng): LatLng {
  return { latitude: lat, longitude: lng };
}
