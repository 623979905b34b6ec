/**
 * The first import of each form page's entry: modules run in import order, so this starts
 * fetching the page's message table in the visitor's language before the page's heavier modules
 * (the Cognito library, the map) run, instead of after all of them have; the page then finds the
 * table's module loaded or on its way.
 */
import { initialLanguage, loadTable, pageParts } from '../i18n/index.ts';

const language = initialLanguage();
// Only a head start: the page loads (and reports a failure of) the same table itself.
for (const part of pageParts(document)) loadTable(language, part).catch(() => {});
