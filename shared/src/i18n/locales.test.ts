import { describe, expect, it } from 'vitest';
import { canonicalLocale, catalogueLocale, languageOf, preferredLocale, safeLocale } from './locales.ts';
import {
  dayOf,
  decimalMark,
  defaultCurrencyFor,
  formatDay,
  formatMoney,
  formatNumber,
  formatPercent,
  formatSigned,
  separatorsOf,
} from './format.ts';

/** Intl writes narrow no-break spaces in places; compare with plain spaces. */
const plain = (text: string): string => text.replace(/[\u00a0\u202f]/g, ' ');

describe('language tags, read in one place', () => {
  it('takes the language of a tag however it is written', () => {
    expect(languageOf('da-DK')).toBe('da');
    expect(languageOf(' SV_fi ')).toBe('sv');
    expect(languageOf('')).toBe('');
    expect(languageOf(null)).toBe('');
    expect(catalogueLocale('sv-SE')).toBe('sv');
    expect(catalogueLocale('nb-NO')).toBe('en');
    expect(catalogueLocale('zz')).toBe('en');
  });

  it('canonicalises a tag and refuses what is not one', () => {
    expect(canonicalLocale('da-dk')).toBe('da-DK');
    expect(canonicalLocale(' sv-se ')).toBe('sv-SE');
    expect(canonicalLocale('not a tag')).toBeUndefined();
    expect(canonicalLocale('')).toBeUndefined();
    expect(safeLocale('not a tag')).toBe('en');
    expect(safeLocale(undefined)).toBe('en');
    expect(safeLocale('de-at')).toBe('de-AT');
  });

  it('greets a browser in the first language it prefers that has a catalogue; Norwegian reads Danish', () => {
    expect(preferredLocale(['fr-FR', 'sv-FI', 'da'])).toBe('sv');
    expect(preferredLocale(['nb-NO', 'en'])).toBe('da');
    expect(preferredLocale(['fr'])).toBe('en');
    expect(preferredLocale([])).toBe('en');
  });
});

describe('Intl formatting in a board’s locale', () => {
  it('writes numbers, signed numbers, percentages and money the locale’s way', () => {
    expect(formatNumber(1234567.25, 'da')).toBe('1.234.567,3');
    expect(plain(formatNumber(1234567.25, 'sv'))).toBe('1 234 567,3');
    expect(formatSigned(1.5, 'en')).toBe('+1.5');
    expect(formatSigned(0, 'en')).toBe('0');
    expect(formatSigned(-2, 'en', 0)).toBe('-2');
    expect(formatSigned(-0.25, 'da')).toBe('-0,3');
    expect(plain(formatPercent(0.43, 'da'))).toBe('43 %');
    expect(formatPercent(0.435, 'en')).toBe('43.5%');
    expect(plain(formatMoney(12_500.5, 'da', 'DKK'))).toBe('12.500,50 kr.');
    expect(formatMoney(3, 'en', 'EUR')).toBe('€3.00');
  });

  it('knows each locale’s marks, and a malformed locale writes English', () => {
    expect(separatorsOf('da')).toEqual({ group: '.', decimal: ',' });
    expect(decimalMark('en-GB')).toBe('.');
    expect(decimalMark('sv')).toBe(',');
    expect(formatNumber(1000.5, '!!')).toBe('1,000.5');
  });

  it('writes calendar days and finds the day of an instant in a time zone', () => {
    expect(formatDay('2026-03-01', 'da')).toBe('1. mar. 2026');
    expect(formatDay('2026-02-30', 'da')).toBe('2026-02-30');
    expect(formatDay('soon', 'en')).toBe('soon');
    expect(dayOf(new Date('2026-03-03T23:30:00Z'), 'Europe/Copenhagen')).toBe('2026-03-04');
    expect(dayOf(new Date('2026-03-03T23:30:00Z'), 'Not/AZone')).toBe('2026-03-03');
  });

  it('starts a new board in the currency of its language', () => {
    expect(defaultCurrencyFor('da-DK')).toBe('DKK');
    expect(defaultCurrencyFor('sv')).toBe('SEK');
    expect(defaultCurrencyFor('nb')).toBe('NOK');
    expect(defaultCurrencyFor('de')).toBe('EUR');
  });
});
