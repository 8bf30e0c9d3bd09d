import { describe, expect, it } from 'vitest';
import { checkMessage, formatMessage, messageArguments, MessageSyntaxError } from './message.ts';
import { en } from './messages/en.ts';

describe('message formatter (intl-messageformat)', () => {
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
    expect(() => checkMessage('{count, plural, one {# card}}')).toThrow(MessageSyntaxError);
    expect(() => checkMessage('unbalanced }')).toThrow(/unbalanced/);
    expect(() => checkMessage('{count, plural, one {# card')).toThrow(MessageSyntaxError);
    expect(() => formatMessage('{count, plural, one {# card', 'en', { count: 1 })).toThrow(/in message "\{count/);
  });

  it('parses every message of the English catalogue', () => {
    for (const [key, source] of Object.entries(en)) {
      expect(() => checkMessage(source), key).not.toThrow();
    }
  });

  it('names every argument a message reads, in plural and select branches too', () => {
    expect(messageArguments('{n} of {total}')).toEqual(['n', 'total']);
    expect(messageArguments('{count, plural, one {# in {stage}} other {{axis, select, a {{x}} other {y}}}}')).toEqual([
      'axis',
      'count',
      'stage',
      'x',
    ]);
  });

  it('writes a number used both as a plural count and as a plain argument the locale’s way', () => {
    const message = '{count, plural, one {one card} other {{count} cards}}';
    expect(formatMessage(message, 'da', { count: 1200 })).toBe('1.200 cards');
    expect(formatMessage(message, 'en', { count: 1 })).toBe('one card');
  });

  it('takes any language tag and writes English for a malformed one', () => {
    expect(formatMessage('{n} opkald', 'da-DK', { n: 1234.5 })).toBe('1.234,5 opkald');
    expect(formatMessage('{n} calls', 'not a tag!', { n: 1234.5 })).toBe('1,234.5 calls');
  });

  it('keeps markup-like text as text (no tags are parsed)', () => {
    expect(formatMessage('<b>{name}</b>', 'en', { name: '<i>x</i>' })).toBe('<b><i>x</i></b>');
  });
});
