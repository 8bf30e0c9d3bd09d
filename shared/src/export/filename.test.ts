import { describe, expect, it } from 'vitest';
import { actionsCsvFileName, exportFileName, slugify } from './filename.ts';

describe('export file names', () => {
  it('turns a title into a lower-case ASCII slug, spelling Nordic letters out', () => {
    expect(slugify('Collection letters')).toBe('collection-letters');
    expect(slugify('Inkasso: påmindelse før 1. rykker')).toBe('inkasso-paamindelse-foer-1-rykker');
    expect(slugify('Betalningspåminnelse för äldre — Ærø')).toBe('betalningspaaminnelse-foer-aeldre-aeroe');
    expect(slugify('Crème brûlée')).toBe('creme-brulee');
  });

  it('falls back to a neutral name when nothing usable is left', () => {
    expect(slugify('')).toBe('journey-map');
    expect(slugify('!!! ???')).toBe('journey-map');
    expect(slugify('日本語')).toBe('journey-map');
  });

  it('never lets path or header characters through and stays short', () => {
    const slug = slugify(`../../etc/passwd"; filename=evil.exe\r\n${'x'.repeat(200)}`);
    expect(slug).toMatch(/^[a-z0-9-]+$/);
    expect(slug.length).toBeLessThanOrEqual(60);
    expect(slug.endsWith('-')).toBe(false);
  });

  it('adds a suffix and an extension', () => {
    expect(exportFileName('Collection letters', 'csv', 'actions')).toBe('collection-letters-actions.csv');
    expect(exportFileName('Collection letters', '.json')).toBe('collection-letters.json');
    expect(exportFileName('', 'md', 'board')).toBe('journey-map-board.md');
  });

  it('names the two CSV kinds apart, so one download does not overwrite the other', () => {
    expect(actionsCsvFileName('Collection letters', ';')).toBe('collection-letters-actions-semicolons.csv');
    expect(actionsCsvFileName('Collection letters', ',')).toBe('collection-letters-actions-commas.csv');
  });
});
