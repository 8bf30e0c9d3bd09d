import { describe, expect, it } from 'vitest';
import { reportParticipants } from './participants.ts';

describe('report participants', () => {
  it('lists each named person once, in the board locale’s order', () => {
    expect(reportParticipants(['Sven', ' Anders ', 'anders', 'Birgitte', 'Åse', 'Ørjan'], 'da')).toEqual([
      'Anders',
      'Birgitte',
      'Sven',
      'Ørjan',
      'Åse',
    ]);
  });

  it('leaves out unnamed people: no "Guest" placeholder in any language', () => {
    expect(reportParticipants(['Frida', 'Gäst', 'Gæst', 'guest', '', '  ', null, undefined], 'sv')).toEqual(['Frida']);
  });
});
