/** The whole message table in both languages, for tests (pages load only the parts they show). */
import type { MessageKey } from '../../src/i18n/index.ts';
import { enConfig } from '../../src/i18n/tables/en-config.ts';
import { enForms } from '../../src/i18n/tables/en-forms.ts';
import { enHosted } from '../../src/i18n/tables/en-hosted.ts';
import { enRide } from '../../src/i18n/tables/en-ride.ts';
import { enSite } from '../../src/i18n/tables/en-site.ts';
import { koConfig } from '../../src/i18n/tables/ko-config.ts';
import { koForms } from '../../src/i18n/tables/ko-forms.ts';
import { koHosted } from '../../src/i18n/tables/ko-hosted.ts';
import { koRide } from '../../src/i18n/tables/ko-ride.ts';
import { koSite } from '../../src/i18n/tables/ko-site.ts';

export const en: Readonly<Record<MessageKey, string>> = {
  ...enSite,
  ...enForms,
  ...enRide,
  ...enHosted,
  ...enConfig,
};
export const ko: Readonly<Record<MessageKey, string>> = {
  ...koSite,
  ...koForms,
  ...koRide,
  ...koHosted,
  ...koConfig,
};
