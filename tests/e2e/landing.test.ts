/**
 * The landing page as a newcomer sees it, in Chromium at desktop and phone size, in English and
 * Korean: every text readable over the pixels actually behind it (measured in a screenshot with the
 * text made transparent, which axe cannot do over gradients and images), the headline, lead and
 * button on a phone's first screen, and no Latin letter-spacing on Hangul.
 */
import { inflateSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, screenshot } from './browser.ts';
import { eventually } from './eventually.ts';
import { ENGLISH, KOREAN, openPage } from './journey.ts';
import { expectNothingWrong, openRider, type Rider } from './rider.ts';
import { previewSite, type SiteServer } from './site.ts';

const LANGUAGES = [
  ['English', 'en-US', ENGLISH],
  ['Korean', 'ko-KR', KOREAN],
] as const;
const SIZES = [
  ['desktop', { width: 1280, height: 800 }],
  ['phone', { width: 360, height: 740 }],
] as const;

let browser: Browser;
let site: SiteServer;

beforeAll(async () => {
  [browser, site] = await Promise.all([launchChromium(), previewSite(inject('emulatorBuild'))]);
});

afterAll(async () => {
  await Promise.all([browser?.close(), site?.close()]);
});

/** A fresh visitor on the landing page, in `locale`, at `viewport`, once its headline is shown. */
async function landing(
  locale: string,
  viewport: { width: number; height: number },
  heading: string,
  page = 'index.html',
): Promise<Rider> {
  const rider = await openRider(browser, [site.url, inject('emulatorUrl')], {
    locale,
    viewport,
    deviceScaleFactor: 1,
  });
  await openPage(rider.page, new URL(page, site.url).href);
  await eventually(
    () => rider.page.locator('html').getAttribute('lang'),
    (lang) => expect(lang).toBe(locale.slice(0, 2)),
  );
  if (page === 'index.html') {
    await eventually(
      () => rider.page.locator('h1').textContent(),
      (text) => expect(text).toBe(heading),
    );
  }
  await rider.page.evaluate(() => document.fonts.ready.then(() => undefined));
  return rider;
}

/** A screenshot's pixels: 8-bit RGB or RGBA rows, as Chromium writes them (never interlaced). */
interface Pixels {
  readonly width: number;
  readonly height: number;
  readonly channels: number;
  readonly data: Uint8Array;
}

/** Decodes Chromium's PNG: the IHDR's size and colour type, the IDAT's rows unfiltered. */
function decodePng(png: Buffer): Pixels {
  let width = 0;
  let height = 0;
  let channels = 0;
  const chunks: Buffer[] = [];
  for (let offset = 8; offset < png.length; ) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('latin1', offset + 4, offset + 8);
    const body = png.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      const [depth, colourType, , , interlace] = body.subarray(8);
      if (depth !== 8 || interlace !== 0 || (colourType !== 2 && colourType !== 6)) {
        throw new Error(`PNG not 8-bit non-interlaced RGB(A): ${depth}/${colourType}/${interlace}`);
      }
      channels = colourType === 6 ? 4 : 3;
    }
    if (type === 'IDAT') chunks.push(body);
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(chunks));
  const stride = width * channels;
  const data = new Uint8Array(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    for (let x = 0; x < stride; x++) {
      const value = raw[y * (stride + 1) + 1 + x] ?? 0;
      const left = x >= channels ? (data[y * stride + x - channels] ?? 0) : 0;
      const up = y > 0 ? (data[(y - 1) * stride + x] ?? 0) : 0;
      const upLeft = x >= channels && y > 0 ? (data[(y - 1) * stride + x - channels] ?? 0) : 0;
      data[y * stride + x] = (value + predict(filter, left, up, upLeft)) & 0xff;
    }
  }
  return { width, height, channels, data };
}

/** PNG's row filters: none, sub, up, average, Paeth. */
function predict(filter: number | undefined, left: number, up: number, upLeft: number): number {
  if (filter === 1) return left;
  if (filter === 2) return up;
  if (filter === 3) return Math.floor((left + up) / 2);
  if (filter === 4) {
    const estimate = left + up - upLeft;
    const [toLeft, toUp, toUpLeft] = [left, up, upLeft].map((v) => Math.abs(estimate - v));
    if (toLeft !== undefined && toUp !== undefined && toUpLeft !== undefined) {
      if (toLeft <= toUp && toLeft <= toUpLeft) return left;
      return toUp <= toUpLeft ? up : upLeft;
    }
  }
  return 0;
}

/** WCAG 2 relative luminance of an sRGB colour. */
function luminance([r, g, b]: readonly number[]): number {
  const linear = (channel = 0) => {
    const c = channel / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

/** WCAG 2 contrast ratio of two luminances. */
function contrast(a: number, b: number): number {
  return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
}

/** A run of text on the page: its colour, whether it counts as large, and its line boxes. */
interface TextRun {
  readonly text: string;
  readonly colour: number[];
  readonly large: boolean;
  readonly boxes: { x: number; y: number; width: number; height: number }[];
}

/** Every visible text in the header and main, with its line boxes in page coordinates. */
function textRuns(page: Page): Promise<TextRun[]> {
  return page.evaluate(() => {
    const runs: TextRun[] = [];
    for (const container of document.querySelectorAll('header, main')) {
      const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
        const parent = node.parentElement;
        if (parent === null || (node.textContent ?? '').trim() === '') continue;
        const style = getComputedStyle(parent);
        const range = document.createRange();
        range.selectNodeContents(node);
        const boxes = [...range.getClientRects()]
          .filter((box) => box.width > 0 && box.height > 0)
          .map((box) => ({
            x: box.x + window.scrollX,
            y: box.y + window.scrollY,
            width: box.width,
            height: box.height,
          }));
        if (boxes.length === 0) continue;
        const size = Number.parseFloat(style.fontSize);
        const bold = Number.parseInt(style.fontWeight, 10) >= 700;
        runs.push({
          text: (node.textContent ?? '').trim().slice(0, 40),
          colour: (style.color.match(/[\d.]+/g) ?? []).map(Number),
          // WCAG's large text: 18 pt, or 14 pt bold (24 px and 18.66 px).
          large: size >= 24 || (bold && size >= 18.66),
          boxes,
        });
      }
    }
    return runs;
  });
}

/**
 * Each text whose worst pixel behind it falls under 4.5:1 (3:1 for large text), with that pixel.
 * The background is a screenshot of the same page with all text transparent.
 */
async function lowContrast(page: Page): Promise<string[]> {
  const runs = await textRuns(page);
  await page.addStyleTag({
    content:
      '*, *::before, *::after { color: transparent !important; text-shadow: none !important; text-decoration-color: transparent !important; }',
  });
  const shot = decodePng(await page.screenshot({ fullPage: true }));
  const failures: string[] = [];
  for (const run of runs) {
    expect(run.colour.length, `opaque text colour for "${run.text}"`).toBe(3);
    const text = luminance(run.colour);
    let worst = { ratio: Number.POSITIVE_INFINITY, at: '' };
    for (const box of run.boxes) {
      for (let y = Math.ceil(box.y); y < Math.floor(box.y + box.height) && y < shot.height; y++) {
        for (let x = Math.ceil(box.x); x < Math.floor(box.x + box.width) && x < shot.width; x++) {
          const i = (y * shot.width + x) * shot.channels;
          const pixel = [shot.data[i] ?? 0, shot.data[i + 1] ?? 0, shot.data[i + 2] ?? 0];
          const ratio = contrast(text, luminance(pixel));
          if (ratio < worst.ratio) worst = { ratio, at: `(${x}, ${y}) rgb(${pixel.join(' ')})` };
        }
      }
    }
    const needed = run.large ? 3 : 4.5;
    if (worst.ratio < needed) {
      failures.push(`"${run.text}": ${worst.ratio.toFixed(2)}:1 < ${needed}:1 at ${worst.at}`);
    }
  }
  expect(runs.map((run) => run.text).length).toBeGreaterThan(10);
  return failures;
}

describe.concurrent.each(LANGUAGES)('the landing page in %s', (_language, locale, texts) => {
  it.each(SIZES)(
    'keeps every text readable over the pixels behind it at %s size',
    async (size, viewport) => {
      const { page, seen, close } = await landing(locale, viewport, texts.landingHeading);
      try {
        await screenshot(page, `landing-${locale}-${size}`);
        expect(await lowContrast(page)).toEqual([]);
        expectNothingWrong(seen);
      } finally {
        await close();
      }
    },
  );

  it('shows the headline, the lead and the button on a phone’s first screen, above the art', async () => {
    const { page, close } = await landing(locale, SIZES[1][1], texts.landingHeading);
    try {
      const boxes = await page.evaluate(() =>
        ['h1', '.hero .lead', '.hero .pill', '.hero-art'].map((selector) => {
          const box = document.querySelector(selector)?.getBoundingClientRect();
          return { selector, top: box?.top ?? -1, bottom: box?.bottom ?? -1 };
        }),
      );
      const [headline, lead, button, art] = boxes;
      for (const box of [headline, lead, button]) {
        expect(box?.top, box?.selector).toBeGreaterThanOrEqual(0);
        expect(box?.bottom, box?.selector).toBeLessThanOrEqual(SIZES[1][1].height);
      }
      expect(art?.top).toBeGreaterThanOrEqual(button?.bottom ?? Number.POSITIVE_INFINITY);
      expect(await page.getByRole('link', { name: texts.giddyUp }).isVisible()).toBe(true);
    } finally {
      await close();
    }
  });
});

describe('letter-spacing', () => {
  const spaced = (page: Page) =>
    page.evaluate(() =>
      [...document.querySelectorAll('h1, h2, h3, label, .label, .pill, button')]
        .map((element) => ({
          element: `${element.tagName.toLowerCase()}.${element.className}`,
          spacing: getComputedStyle(element).letterSpacing,
        }))
        .filter(({ spacing }) => spacing !== 'normal' && spacing !== '0px'),
    );

  it.each(['index.html', 'register.html'])(
    'is none on Hangul headings, labels and buttons of %s',
    async (name) => {
      const { page, close } = await landing('ko-KR', SIZES[0][1], KOREAN.landingHeading, name);
      try {
        expect(await spaced(page)).toEqual([]);
      } finally {
        await close();
      }
    },
  );

  it('stays on the English capitals of the headline', async () => {
    const { page, close } = await landing('en-US', SIZES[0][1], ENGLISH.landingHeading);
    try {
      expect((await spaced(page)).map(({ element }) => element)).toContain('h1.');
    } finally {
      await close();
    }
  });
});
