import { describe, expect, it } from 'vitest';
import { CATALOGUES, catalogueFor } from './catalogue.ts';
import { messageArguments } from './message.ts';
import { en } from './messages/en.ts';

/**
 * The one catalogue per language is the UI's, the exports' and the report's: these checks hold
 * for every word Rejse shows or writes. (The scan for words written outside the catalogue in a
 * component is `client/src/i18n/catalogue.test.ts`.)
 */
const BY_LOCALE: Readonly<Record<string, Readonly<Record<string, string>>>> = CATALOGUES;

/**
 * Messages that may read the same in Danish or Swedish as in English: names, acronyms,
 * loanwords the languages use as they are, and messages made only of placeholders.
 */
const SAME_AS_ENGLISH = new Set([
  'app.name',
  'series.runsheet.minutes',
  'series.runsheet.duration',
  'series.diff.shift',
  'series.figure.nps',
  'series.figure.csat',
  'board.documentTitle',
  'card.ariaLabel',
  'channel.sms',
  'channel.portal',
  'channel.app',
  'channel.chat',
  'channel.email',
  'channel.eboks',
  'channel.kivra',
  'currency.EUR',
  'emotion.0',
  'facilitation.bar.label',
  'facilitation.timer.menu',
  'facilitation.timer.start',
  'facilitation.timer.pause',
  'facilitation.timer.stop',
  'kind.note',
  'presence.role.facilitator',
  'home.create.titleLabel',
  'inspector.text',
  'inspector.kind',
  // Editor: acronyms on cards, and words Danish and Swedish share with English.
  'card.figures.nps',
  'card.figures.csat',
  'persona.segment',
  // Prioritising: the word for an action's status.
  'prioritize.row.status',
  // Exports and report: words Danish and Swedish share, and a message of placeholders only.
  'export.board.persona',
  'export.board.emotion',
  'export.actionList.top',
  'export.value.range',
  // The tone round: a message of placeholders only, and the Danish word for neutral.
  'tone.distribution',
  'tone.scale.3',
]);

const argumentsOf = (source: string): string => messageArguments(source).join(', ');

describe('message catalogues', () => {
  const locales = Object.keys(BY_LOCALE);

  it('have exactly the same keys in every language', () => {
    const problems: string[] = [];
    for (const a of locales) {
      for (const b of locales) {
        if (a === b) continue;
        for (const key of Object.keys(BY_LOCALE[a] ?? {})) {
          if (!(key in (BY_LOCALE[b] ?? {}))) problems.push(`"${key}" is in ${a} but not in ${b}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('parse in every language and use the same placeholders as English', () => {
    const problems: string[] = [];
    for (const [key, source] of Object.entries(en)) {
      const expected = argumentsOf(source);
      for (const locale of locales) {
        const message = BY_LOCALE[locale]?.[key];
        if (message === undefined) continue;
        try {
          const actual = argumentsOf(message);
          if (actual !== expected) problems.push(`${locale} "${key}" uses {${actual}}, English uses {${expected}}`);
        } catch (error) {
          problems.push(`${locale} "${key}": ${(error as Error).message}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('have no message left in English in Danish or Swedish, outside a short list of shared words', () => {
    const problems: string[] = [];
    for (const locale of ['da', 'sv']) {
      for (const [key, source] of Object.entries(en)) {
        if (SAME_AS_ENGLISH.has(key)) continue;
        if (BY_LOCALE[locale]?.[key] === source && /\p{L}{3,}/u.test(source)) {
          problems.push(`${locale} "${key}" is still English: ${source}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('are picked by the language of a tag, English for any other', () => {
    expect(catalogueFor('da-DK')).toBe(CATALOGUES.da);
    expect(catalogueFor('SV_fi')).toBe(CATALOGUES.sv);
    expect(catalogueFor('de')).toBe(CATALOGUES.en);
    expect(catalogueFor('')).toBe(CATALOGUES.en);
    expect(catalogueFor(undefined)).toBe(CATALOGUES.en);
  });
});
