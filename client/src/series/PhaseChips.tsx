import type { Phase } from '@rejse/shared';
import { useT } from '../i18n/index.ts';

/** What a phase switches on, as short words. */
export function PhaseChips({ phase }: { phase: Phase }) {
  const t = useT();
  const { settings } = phase;
  const chips: string[] = [];
  if (settings.privateMode) chips.push(t('series.setting.private'));
  if (settings.voting)
    chips.push(
      t('series.setting.voting', {
        votes: settings.voting.votesPerPerson,
        target: t(`series.setting.target.${settings.voting.target}`),
      }),
    );
  if (settings.lockStructure) chips.push(t('series.setting.lockStructure'));
  if (settings.lockBoard) chips.push(t('series.setting.lockBoard'));
  if (settings.focusStageId) chips.push(t('series.setting.focus'));
  return (
    <span className="phase-chips">
      {chips.map((chip) => (
        <span key={chip} className="phase-chip">
          {chip}
        </span>
      ))}
    </span>
  );
}
