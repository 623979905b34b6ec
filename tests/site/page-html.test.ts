// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BRAND_COLOR, renderPage } from '../../site-html/render.ts';
import { PASSWORD_RULES } from '../../src/password-rules.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const PAGES = ['index', 'register', 'verify', 'signin', 'ride'] as const;

const source = (name: string) => readFileSync(resolve(ROOT, `${name}.html`), 'utf8');
const rendered = (name: string) =>
  new DOMParser().parseFromString(renderPage(source(name)), 'text/html');

describe('the pages as they ship', () => {
  it.each(PAGES)('writes the shared head and header into %s.html', (name) => {
    const html = renderPage(source(name));
    expect(html).not.toContain('site:head');
    expect(html).not.toContain('site-header>');
    const page = rendered(name);
    expect(page.head.firstElementChild?.getAttribute('charset')).toBe('utf-8');
    expect(page.head.querySelectorAll('meta[name="theme-color"]')).toHaveLength(1);
    expect(
      page.head.querySelectorAll('link[rel="stylesheet"][href="/src/styles/main.css"]'),
    ).toHaveLength(1);
    expect(page.head.querySelectorAll('link[rel="icon"][href="/favicon.svg"]')).toHaveLength(1);
    const [skip, header] = page.body.children;
    expect(skip?.matches('a.skip-link[href="#main"]')).toBe(true);
    expect(header?.matches('header.site-header')).toBe(true);
    expect(header?.querySelector('a.wordmark')?.textContent?.trim()).toBe('Wild Rydes');
    const actions = header?.querySelector('.header-actions');
    expect(actions?.lastElementChild?.matches('button[data-language-toggle]')).toBe(true);
    expect(page.querySelectorAll('header, [data-language-toggle], .skip-link')).toHaveLength(3);
  });

  it.each(PAGES)('keeps what is its own in %s.html: title, entry, body class, main', (name) => {
    const page = rendered(name);
    const own = new DOMParser().parseFromString(source(name), 'text/html');
    expect(page.title).toBe(own.title);
    expect(page.querySelector('title')?.dataset.i18n).toBe(`title.${name}`);
    const entries = page.querySelectorAll('script[type="module"]');
    expect([...entries].map((script) => script.getAttribute('src'))).toEqual([
      `/src/entries/${name}.ts`,
    ]);
    expect(page.body.className).toBe(own.body.className);
    // Its main as written, but for the password checklists and the hosted sign-in buttons the
    // render writes in at their markers.
    const checklists = [...own.querySelectorAll('main password-rules')];
    for (const marker of checklists) marker.remove();
    const main = page.querySelector('main');
    expect(main?.querySelectorAll('password-rules')).toHaveLength(0);
    const written = [...(main?.querySelectorAll('.rules') ?? [])];
    expect(written.map((element) => element.id)).toEqual(checklists.map((marker) => marker.id));
    for (const checklist of written) checklist.remove();
    const hostedMarkers = [...own.querySelectorAll('main hosted-sign-in')];
    for (const marker of hostedMarkers) marker.remove();
    expect(main?.querySelectorAll('hosted-sign-in')).toHaveLength(0);
    const hosted = [...(main?.querySelectorAll('#hostedSignIn') ?? [])];
    expect(hosted).toHaveLength(hostedMarkers.length);
    for (const buttons of hosted) buttons.remove();
    expect(main?.outerHTML).toBe(own.querySelector('main')?.outerHTML);
  });

  it('gives every page the brand pink of main.css as theme colour and in the wordmark', () => {
    const css = readFileSync(resolve(ROOT, 'src/styles/main.css'), 'utf8');
    expect(css.match(/--pink:\s*(#[0-9a-f]{6});/i)?.[1]).toBe(BRAND_COLOR);
    for (const name of PAGES) {
      const page = rendered(name);
      expect(page.querySelector('meta[name="theme-color"]')?.getAttribute('content')).toBe(
        BRAND_COLOR,
      );
      const strokes = [...page.querySelectorAll('.wordmark-horn [stroke]')];
      expect(strokes.map((path) => path.getAttribute('stroke'))).toEqual([BRAND_COLOR]);
    }
  });

  it('draws the icon, the pickup pin and the unicorn in that pink, not the sample’s old one', () => {
    for (const drawing of ['favicon', 'pickup-pin', 'unicorn']) {
      const svg = readFileSync(resolve(ROOT, 'public', `${drawing}.svg`), 'utf8').toLowerCase();
      expect(svg, drawing).toContain(BRAND_COLOR.toLowerCase());
      expect(svg, drawing).not.toContain('#f50856');
    }
  });

  it('puts the ride page’s account menu in the header, before the language switch', () => {
    const actions = rendered('ride').querySelector('.site-header .header-actions');
    expect([...(actions?.children ?? [])].map((child) => child.id || child.className)).toEqual([
      'account',
      'lang-toggle',
    ]);
    expect(actions?.querySelector('#accountMenu #signOutEverywhere')).not.toBeNull();
  });

  it('writes one password checklist, every rule in the order they are checked, into register and the reset step', () => {
    const checklists = [
      rendered('register').querySelector('#passwordRules'),
      rendered('signin').querySelector('#resetRules'),
    ];
    for (const checklist of checklists) {
      const items = [...(checklist?.querySelectorAll<HTMLElement>('li[data-rule]') ?? [])];
      expect(items.map((item) => item.dataset.rule)).toEqual([...PASSWORD_RULES]);
      expect(
        items.map((item) => item.querySelector('[data-i18n]')?.getAttribute('data-i18n')),
      ).toEqual(PASSWORD_RULES.map((rule) => `rules.${rule}`));
    }
    expect(checklists[0]?.innerHTML).toBe(checklists[1]?.innerHTML);
  });

  it('writes the same hidden hosted sign-in buttons, Google and the managed login, into register and sign-in', () => {
    const sections = [
      rendered('register').querySelector('#hostedSignIn'),
      rendered('signin').querySelector('#hostedSignIn'),
    ];
    for (const section of sections) {
      expect(section?.hasAttribute('hidden')).toBe(true);
      const buttons = [...(section?.querySelectorAll<HTMLElement>('button') ?? [])];
      expect(buttons.map((button) => button.dataset.hostedProvider)).toEqual(['Google', '']);
      expect(buttons.map((button) => button.textContent?.trim())).toEqual([
        'Continue with Google',
        'Use hosted sign-in',
      ]);
      expect(section?.querySelector('#hostedMessage')?.getAttribute('role')).toBe('alert');
    }
    expect(sections[0]?.outerHTML).toBe(sections[1]?.outerHTML);
    expect(rendered('index').querySelector('#hostedSignIn')).toBeNull();
  });

  it('refuses a page that lacks a marker or has one twice', () => {
    expect(() => renderPage('<head></head><body><site-header></site-header></body>')).toThrow(
      'A page needs one <!-- site:head --> marker; this one has 0.',
    );
    const twice = '<!-- site:head -->\n<site-header></site-header>\n<site-header></site-header>';
    expect(() => renderPage(twice)).toThrow(
      'A page needs one <site-header> marker; this one has 2.',
    );
    const hostedTwice = [
      '<!-- site:head -->',
      '<site-header></site-header>',
      '<hosted-sign-in></hosted-sign-in>',
      '<hosted-sign-in></hosted-sign-in>',
    ].join('\n');
    expect(() => renderPage(hostedTwice)).toThrow(
      'A page has at most one <hosted-sign-in> marker; this one has 2.',
    );
  });
});
