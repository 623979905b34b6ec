// @vitest-environment jsdom
/**
 * Each form page names the parts of the message table it shows once, on its `<html>`; its entry
 * and the table head start both read it there. Too few parts and a page shows raw keys.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderPage } from '../../site-html/render.ts';
import { type Part, pageParts } from '../../src/i18n/index.ts';
import { enConfig } from '../../src/i18n/tables/en-config.ts';
import { enForms } from '../../src/i18n/tables/en-forms.ts';
import { enHosted } from '../../src/i18n/tables/en-hosted.ts';
import { enRide } from '../../src/i18n/tables/en-ride.ts';
import { enSite } from '../../src/i18n/tables/en-site.ts';

const PARTS: Record<Part, Readonly<Record<string, string>>> = {
  site: enSite,
  forms: enForms,
  ride: enRide,
  hosted: enHosted,
  config: enConfig,
};

const page = (name: string): Document =>
  new DOMParser().parseFromString(
    renderPage(readFileSync(resolve(import.meta.dirname, '../..', `${name}.html`), 'utf8')),
    'text/html',
  );

const markup = (attributes: string): Document =>
  new DOMParser().parseFromString(`<html ${attributes}><body></body></html>`, 'text/html');

describe('the parts of the message table a page names', () => {
  it.each([
    ['register', ['site', 'forms']],
    ['verify', ['site', 'forms']],
    ['signin', ['site', 'forms']],
    ['ride', ['site', 'forms', 'ride']],
    ['callback', ['site', 'forms', 'hosted']],
  ])('are read from %s.html', (name, parts) => {
    expect(pageParts(page(name))).toEqual(parts);
  });

  it.each(['register', 'verify', 'signin', 'ride', 'callback'])(
    'hold every key %s.html shows in its markup',
    (name) => {
      const document = page(name);
      const loaded = Object.assign({}, ...pageParts(document).map((part) => PARTS[part]));
      const keys = [
        ...[...document.querySelectorAll<HTMLElement>('[data-i18n]')].map((e) => e.dataset.i18n),
        ...[...document.querySelectorAll<HTMLElement>('[data-i18n-attr]')].flatMap((element) =>
          (element.dataset.i18nAttr ?? '').split(';').map((pair) => pair.split(':')[1]?.trim()),
        ),
      ];
      expect(keys.length).toBeGreaterThan(0);
      expect(keys.filter((key) => key === undefined || !Object.hasOwn(loaded, key))).toEqual([]);
    },
  );

  it('refuses a page that names no parts, or a part that does not exist, saying which', () => {
    expect(() => pageParts(markup(''))).toThrow(
      /must name parts of site, forms, ride, hosted, config; it says ""/,
    );
    expect(() => pageParts(markup('data-i18n-parts="site form"'))).toThrow(/it says "site form"/);
  });

  it('reads parts separated by any white space', () => {
    expect(pageParts(markup('data-i18n-parts=" site\n  ride "'))).toEqual(['site', 'ride']);
  });
});
