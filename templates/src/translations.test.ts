import { describe, expect, it } from 'vitest';
import { validateBoard, type BoardTemplate, type Currency } from '@rejse/shared';
import { DEFAULT_TEMPLATE_ID, TEMPLATES, TEMPLATE_LOCALES, findTemplate, listTemplates, templateLocale, templatePreview } from './index.ts';

const TRANSLATED_LOCALES = TEMPLATE_LOCALES.filter((l) => l !== 'en');

/**
 * Texts a translation may leave exactly as in English: proper nouns and short codes that
 * Danish and Swedish write the same way. Everything else must be translated.
 */
const SAME_IN_EVERY_LANGUAGE = new Set(['SMS', 'MobilePay', 'NPS']);

/** The currency each translation uses (see CONTEXT.md: DKK for the Danish case and in Danish). */
const EXPECTED_CURRENCY: Record<(typeof TRANSLATED_LOCALES)[number], Record<string, Currency>> = {
  da: {
    blank: 'DKK',
    'collection-letters': 'DKK',
    'pre-reminder-window': 'DKK',
    'telecom-young-customers': 'DKK',
    'insurance-lifecycle-nps': 'DKK',
    'b2b-credit-information': 'DKK',
  },
  sv: {
    blank: 'SEK',
    'collection-letters': 'SEK',
    'pre-reminder-window': 'DKK',
    'telecom-young-customers': 'SEK',
    'insurance-lifecycle-nps': 'SEK',
    'b2b-credit-information': 'SEK',
  },
};

/** Every text field of a template, by a path that names the record it sits on. */
function textFields(t: BoardTemplate): Map<string, string> {
  const b = t.board;
  const fields = new Map<string, string>([
    ['title', t.title],
    ['description', t.description],
    ['board.title', b.title],
  ]);
  for (const s of b.stages) fields.set(`stage ${s.id}`, s.title);
  for (const l of b.lanes) fields.set(`lane ${l.id}`, l.title);
  for (const p of b.personas) {
    fields.set(`persona ${p.id} name`, p.name);
    fields.set(`persona ${p.id} description`, p.description);
    fields.set(`persona ${p.id} segment`, p.segment);
  }
  for (const scenario of b.scenarios) fields.set(`scenario ${scenario.id} name`, scenario.name);
  for (const c of b.cards) {
    fields.set(`card ${c.id} text`, c.text);
    if (c.thought !== undefined) fields.set(`card ${c.id} thought`, c.thought);
    if (c.owner !== undefined) fields.set(`card ${c.id} owner`, c.owner);
  }
  return fields;
}

const TEXT = '<text>';

/**
 * The template with every text field (and the board's locale and currency) replaced by a
 * placeholder: what must be identical between a translation and its English original. A
 * text field present in one and absent in the other still differs.
 */
function skeleton(t: BoardTemplate): unknown {
  const b = t.board;
  return {
    id: t.id,
    title: TEXT,
    description: TEXT,
    board: {
      ...b,
      title: TEXT,
      locale: TEXT,
      currency: TEXT,
      stages: b.stages.map((s) => ({ ...s, title: TEXT })),
      lanes: b.lanes.map((l) => ({ ...l, title: TEXT })),
      personas: b.personas.map((p) => ({ ...p, name: TEXT, description: TEXT, segment: TEXT })),
      scenarios: b.scenarios.map((scenario) => ({ ...scenario, name: TEXT })),
      cards: b.cards.map((c) => ({
        ...c,
        text: TEXT,
        ...(c.thought === undefined ? {} : { thought: TEXT }),
        ...(c.owner === undefined ? {} : { owner: TEXT }),
        // A letter's text is translated (its amounts and fees follow the country's rules);
        // which variants exist and which one is in use are structure.
        ...(c.message === undefined
          ? {}
          : {
              message: {
                ...c.message,
                ...(c.message.a === undefined ? {} : { a: TEXT }),
                ...(c.message.b === undefined ? {} : { b: TEXT }),
              },
            }),
      })),
    },
  };
}

/** The digit runs in a text, sorted: "43 %" and "43%" both give ["43"]. */
const numbersIn = (text: string) => (text.match(/\d+/g) ?? []).sort();

function translated(id: string, locale: string): BoardTemplate {
  const t = findTemplate(id, locale);
  if (!t) throw new Error(`no template "${id}" in ${locale}`);
  return t;
}

describe('template languages', () => {
  it('are English, Danish and Swedish', () => {
    expect([...TEMPLATE_LOCALES]).toEqual(['en', 'da', 'sv']);
  });

  it('map a locale tag to its language and anything unknown to English', () => {
    expect(templateLocale('da')).toBe('da');
    expect(templateLocale('da-DK')).toBe('da');
    expect(templateLocale('sv-SE')).toBe('sv');
    expect(templateLocale('SV_fi')).toBe('sv');
    expect(templateLocale('en-GB')).toBe('en');
    expect(templateLocale('nb-NO')).toBe('en');
    expect(templateLocale('')).toBe('en');
    expect(templateLocale(undefined)).toBe('en');
  });

  it('keep TEMPLATES English and list every locale in the same order, blank first', () => {
    expect(TEMPLATES.every((t) => t.board.locale === 'en')).toBe(true);
    expect(listTemplates()).toBe(TEMPLATES);
    expect(listTemplates('en')).toBe(TEMPLATES);
    for (const locale of TRANSLATED_LOCALES) {
      expect(listTemplates(locale).map((t) => t.id)).toEqual(TEMPLATES.map((t) => t.id));
      expect(listTemplates(locale)[0]?.id).toBe(DEFAULT_TEMPLATE_ID);
    }
  });

  it('find the collection letters in Danish for da-DK', () => {
    const t = translated('collection-letters', 'da-DK');
    expect(t.board.locale).toBe('da');
    const texts = [...textFields(t).values()].join('\n');
    expect(texts).toMatch(/inkasso/i);
    expect(texts).toMatch(/rykkergebyr/i);
    expect(texts).toContain('Mine sider');
  });

  it('find the collection letters in Swedish for sv-SE', () => {
    const t = translated('collection-letters', 'sv-SE');
    expect(t.board.locale).toBe('sv');
    const texts = [...textFields(t).values()].join('\n');
    expect(texts).toMatch(/påminnelse/i);
    expect(texts).toMatch(/inkasso/i);
    expect(texts).toContain('Mina sidor');
  });

  it('fall back to English for an unknown locale, and to nothing for an unknown id', () => {
    expect(findTemplate('collection-letters', 'fr-FR')).toBe(findTemplate('collection-letters'));
    expect(findTemplate('collection-letters', 'fr-FR')?.board.locale).toBe('en');
    expect(findTemplate('no-such-template', 'da')).toBeUndefined();
  });
});

describe.each(TRANSLATED_LOCALES)('templates in %s', (locale) => {
  describe.each(TEMPLATES.map((en) => [en.id, en] as const))('%s', (id, en) => {
    const t = translated(id, locale);

    it('is a translation, not the English file', () => {
      expect(t).not.toBe(en);
      expect(t.board.locale).toBe(locale);
    });

    it('is a schema-valid board', () => {
      const result = validateBoard(t.board);
      expect(result.ok ? [] : result.errors).toEqual([]);
    });

    it('has exactly the English ids, kinds, channels, emotions, figures, orders, links and scores', () => {
      expect(skeleton(t)).toEqual(skeleton(en));
    });

    it('uses the currency its case calls for', () => {
      expect(t.board.currency).toBe(EXPECTED_CURRENCY[locale][id]);
    });

    it('translates every text, leaving only proper nouns and short codes as in English', () => {
      const english = textFields(en);
      const untranslated = [...textFields(t)]
        .filter(([path, text]) => text === english.get(path) && !SAME_IN_EVERY_LANGUAGE.has(text))
        .map(([path, text]) => `${path}: ${text}`);
      expect(untranslated).toEqual([]);
    });

    it('translates every letter text', () => {
      const english = new Map(en.board.cards.map((c) => [c.id, c.message]));
      for (const card of t.board.cards) {
        for (const variant of ['a', 'b'] as const) {
          const text = card.message?.[variant];
          if (text !== undefined) expect(text, `${card.id} ${variant}`).not.toBe(english.get(card.id)?.[variant]);
        }
      }
    });

    it('keeps every number written in a text (days, shares, NPS, ages)', () => {
      const english = textFields(en);
      for (const [path, text] of textFields(t)) {
        expect(numbersIn(text), path).toEqual(numbersIn(english.get(path) ?? ''));
      }
    });

    it('has a short gallery title and description', () => {
      expect(t.title.length).toBeGreaterThan(0);
      expect(t.title.length).toBeLessThanOrEqual(60);
      expect(t.description.length).toBeGreaterThan(0);
      expect(t.description.length).toBeLessThanOrEqual(240);
    });

    it('previews with its own stage titles and the English emotion curve', () => {
      const preview = templatePreview(t.board);
      expect(preview.stages).toEqual(t.board.stages.map((s) => s.title));
      const original = templatePreview(en.board);
      expect(preview.emotionCurve).toEqual(original.emotionCurve);
      expect(preview.svg).toBe(original.svg);
    });
  });
});
