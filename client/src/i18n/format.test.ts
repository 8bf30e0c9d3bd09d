import { describe, expect, it } from 'vitest';
import { formatMessage, MessageSyntaxError, parseMessage } from './format.ts';
import { en } from './messages/en.ts';

describe('message formatter', () => {
  it('interpolates named parameters and formats numbers for the locale', () => {
    expect(formatMessage('Updated {date}', 'en', { date: '3 Mar' })).toBe('Updated 3 Mar');
    expect(formatMessage('{n} calls', 'en', { n: 800000 })).toBe('800,000 calls');
    expect(formatMessage('{n} opkald', 'da', { n: 800000 })).toBe('800.000 opkald');
  });

  it('chooses the plural branch from the locale rules and replaces # with the number', () => {
    const message = '{count, plural, one {# card} other {# cards}}';
    expect(formatMessage(message, 'en', { count: 1 })).toBe('1 card');
    expect(formatMessage(message, 'en', { count: 0 })).toBe('0 cards');
    expect(formatMessage(message, 'en', { count: 1200 })).toBe('1,200 cards');
  });

  it('prefers an exact =n branch over the plural category', () => {
    const message = '{count, plural, =0 {no cards} one {# card} other {# cards}}';
    expect(formatMessage(message, 'en', { count: 0 })).toBe('no cards');
    expect(formatMessage(message, 'en', { count: 2 })).toBe('2 cards');
  });

  it('selects a branch by value and falls back to other', () => {
    const message = 'Remove {axis, select, stage {stage} other {lane}} “{title}”';
    expect(formatMessage(message, 'en', { axis: 'stage', title: 'Invoice' })).toBe('Remove stage “Invoice”');
    expect(formatMessage(message, 'en', { axis: 'row', title: 'Pains' })).toBe('Remove lane “Pains”');
  });

  it('nests arguments inside plural branches', () => {
    const message = '{count, plural, one {# card in {stage}} other {# cards in {stage}}}';
    expect(formatMessage(message, 'en', { count: 3, stage: 'Reminder' })).toBe('3 cards in Reminder');
  });

  it('leaves a missing parameter visible instead of failing', () => {
    expect(formatMessage('Hello {name}', 'en')).toBe('Hello {name}');
  });

  it('rejects malformed messages with a message naming the source', () => {
    expect(() => parseMessage('{count, plural, one {# card}}')).toThrow(MessageSyntaxError);
    expect(() => parseMessage('unbalanced }')).toThrow(/unbalanced/);
    expect(() => parseMessage('{count, plural, one {# card')).toThrow(MessageSyntaxError);
  });

  it('parses every message of the English catalogue', () => {
    for (const [key, source] of Object.entries(en)) {
      expect(() => parseMessage(source), key).not.toThrow();
    }
  });
});
