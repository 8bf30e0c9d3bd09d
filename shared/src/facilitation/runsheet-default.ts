import { translatorFor } from '../i18n/catalogue.ts';
import type { MessageKey } from '../i18n/messages/en.ts';
import { createPhaseId, createSessionId, NO_SETTINGS, type PhaseSettings, type RunSheet } from './runsheet.ts';

const MINUTE = 60_000;

/** One phase of the default series: its words are catalogue keys, so the board gets them in its language. */
interface PhaseTemplate {
  key: string;
  minutes: number;
  settings?: Partial<PhaseSettings>;
}

/**
 * The series the reference case took (four workshops from credit check to paid invoice):
 * map the journey → emotions and pains → ideas in private → vote and prioritise.
 */
const SERIES: readonly { key: string; phases: readonly PhaseTemplate[] }[] = [
  {
    key: 's1',
    phases: [
      { key: 'p1', minutes: 10 },
      { key: 'p2', minutes: 45 },
      { key: 'p3', minutes: 15, settings: { lockStructure: true } },
    ],
  },
  {
    key: 's2',
    phases: [
      { key: 'p1', minutes: 25, settings: { lockStructure: true } },
      { key: 'p2', minutes: 30, settings: { lockStructure: true } },
      { key: 'p3', minutes: 15, settings: { lockBoard: true } },
    ],
  },
  {
    key: 's3',
    phases: [
      { key: 'p1', minutes: 15, settings: { privateMode: true, lockStructure: true } },
      { key: 'p2', minutes: 25, settings: { lockStructure: true } },
    ],
  },
  {
    key: 's4',
    phases: [
      {
        key: 'p1',
        minutes: 10,
        settings: { lockStructure: true, voting: { target: 'ideas', votesPerPerson: 3, allowMultiplePerCard: false } },
      },
      { key: 'p2', minutes: 30, settings: { lockStructure: true } },
      { key: 'p3', minutes: 20, settings: { lockStructure: true } },
    ],
  },
];

/** The default four-session run-sheet, worded in the board's language (fresh ids). */
export function defaultRunSheet(locale: string): RunSheet {
  const t = translatorFor(locale);
  return {
    sessions: SERIES.map((session) => ({
      id: createSessionId(),
      name: t(`series.default.${session.key}.name` as MessageKey),
      phases: session.phases.map((phase) => ({
        id: createPhaseId(),
        name: t(`series.default.${session.key}.${phase.key}.name` as MessageKey),
        instructions: t(`series.default.${session.key}.${phase.key}.instructions` as MessageKey),
        durationMs: phase.minutes * MINUTE,
        settings: { ...NO_SETTINGS, ...phase.settings },
      })),
    })),
  };
}
