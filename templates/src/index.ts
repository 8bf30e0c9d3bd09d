import { languageOf, migrateBoardJson, type BoardTemplate } from '@rejse/shared';
import blank from './blank.json' with { type: 'json' };
import blankDa from './blank.da.json' with { type: 'json' };
import blankSv from './blank.sv.json' with { type: 'json' };
import collectionLetters from './collection-letters.json' with { type: 'json' };
import collectionLettersDa from './collection-letters.da.json' with { type: 'json' };
import collectionLettersSv from './collection-letters.sv.json' with { type: 'json' };
import preReminderWindow from './pre-reminder-window.json' with { type: 'json' };
import preReminderWindowDa from './pre-reminder-window.da.json' with { type: 'json' };
import preReminderWindowSv from './pre-reminder-window.sv.json' with { type: 'json' };
import telecomYoungCustomers from './telecom-young-customers.json' with { type: 'json' };
import telecomYoungCustomersDa from './telecom-young-customers.da.json' with { type: 'json' };
import telecomYoungCustomersSv from './telecom-young-customers.sv.json' with { type: 'json' };
import insuranceLifecycleNps from './insurance-lifecycle-nps.json' with { type: 'json' };
import insuranceLifecycleNpsDa from './insurance-lifecycle-nps.da.json' with { type: 'json' };
import insuranceLifecycleNpsSv from './insurance-lifecycle-nps.sv.json' with { type: 'json' };
import b2bCreditInformation from './b2b-credit-information.json' with { type: 'json' };
import b2bCreditInformationDa from './b2b-credit-information.da.json' with { type: 'json' };
import b2bCreditInformationSv from './b2b-credit-information.sv.json' with { type: 'json' };

export { templatePreview, type TemplatePreview, type TemplateCardCounts } from './preview.ts';

/** The languages templates are written in. English is the original; the others are translations. */
export const TEMPLATE_LOCALES = ['en', 'da', 'sv'] as const;
export type TemplateLocale = (typeof TEMPLATE_LOCALES)[number];

/**
 * Built-in board templates, as data. Each JSON file is a complete board (schema-valid,
 * checked when this module loads) plus the gallery's title and description. The blank
 * template comes first: it is the default. The others are the reference cases of
 * `shared/DOMAIN.md`.
 */
const RAW_TEMPLATES: readonly unknown[] = [
  blank,
  collectionLetters,
  preReminderWindow,
  telecomYoungCustomers,
  insuranceLifecycleNps,
  b2bCreditInformation,
];

/**
 * Translations: `<id>.<locale>.json`, each a full template with the English file's ids and
 * figures (a test compares them structurally), only the texts, `locale` and maybe `currency`
 * differ. A template without a translation falls back to English.
 */
const RAW_TRANSLATIONS: Readonly<Record<Exclude<TemplateLocale, 'en'>, readonly unknown[]>> = {
  da: [blankDa, collectionLettersDa, preReminderWindowDa, telecomYoungCustomersDa, insuranceLifecycleNpsDa, b2bCreditInformationDa],
  sv: [blankSv, collectionLettersSv, preReminderWindowSv, telecomYoungCustomersSv, insuranceLifecycleNpsSv, b2bCreditInformationSv],
};

function load(raw: unknown): BoardTemplate {
  const template = raw as BoardTemplate;
  // Through the migrations, like an imported file: a template written for an older schema
  // version stays valid data and needs rewriting only when it uses what came later.
  const result = migrateBoardJson(template.board);
  if (!result.ok) throw new Error(`template "${template.id}" is invalid: ${result.errors.join('; ')}`);
  return { id: template.id, title: template.title, description: template.description, board: result.value };
}

/** The English templates, blank first. Other code relies on this list staying English. */
export const TEMPLATES: readonly BoardTemplate[] = RAW_TEMPLATES.map(load);

export const DEFAULT_TEMPLATE_ID = 'blank';

function loadTranslations(locale: Exclude<TemplateLocale, 'en'>): readonly BoardTemplate[] {
  const byId = new Map<string, BoardTemplate>();
  for (const raw of RAW_TRANSLATIONS[locale]) {
    const template = load(raw);
    if (!TEMPLATES.some((t) => t.id === template.id)) {
      throw new Error(`translation "${template.id}.${locale}" has no English template`);
    }
    if (template.board.locale !== locale) {
      throw new Error(`translation "${template.id}.${locale}" has board locale "${template.board.locale}"`);
    }
    byId.set(template.id, template);
  }
  return TEMPLATES.map((t) => byId.get(t.id) ?? t);
}

const BY_LOCALE: Readonly<Record<TemplateLocale, readonly BoardTemplate[]>> = {
  en: TEMPLATES,
  da: loadTranslations('da'),
  sv: loadTranslations('sv'),
};

/**
 * The template language for a locale tag: its primary language subtag if templates exist in
 * it (`da-DK` → `da`, `sv_SE` → `sv`), else English.
 */
export function templateLocale(tag: string | null | undefined): TemplateLocale {
  const language = languageOf(tag);
  return (TEMPLATE_LOCALES as readonly string[]).includes(language) ? (language as TemplateLocale) : 'en';
}

/** Every template in the language of `locale` (English for an unknown one), in gallery order. */
export function listTemplates(locale?: string | null): readonly BoardTemplate[] {
  return BY_LOCALE[templateLocale(locale)];
}

/** The template `id` in the language of `locale` (English when omitted or unknown). */
export function findTemplate(id: string, locale?: string | null): BoardTemplate | undefined {
  return listTemplates(locale).find((t) => t.id === id);
}
