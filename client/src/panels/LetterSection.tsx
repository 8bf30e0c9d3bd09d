import {
  LIMITS,
  letterLab,
  MESSAGE_VARIANTS,
  type Card,
  type MessageVariant,
  type TouchpointMessage,
  type VariantVerdict,
} from '@rejse/shared';
import { useCommands } from '../doc/BoardContext.tsx';
import { useT, type MessageKey } from '../i18n/index.ts';
import { ToneRoundStart, useInUseHidden } from '../letters/ToneRoundStart.tsx';
import { useDocChoice } from '../ui/useDocChoice.ts';
import { TextField } from './TextField.tsx';

const VARIANT_LABELS: Record<MessageVariant, MessageKey> = { a: 'letter.variant.a', b: 'letter.variant.b' };

/**
 * The letter lab for a letter, SMS or e-mail touchpoint: the message's text in variants A and
 * B, which one customers get today, and for each variant its readability (LIX in Danish and
 * Swedish, Flesch Reading Ease in English, with the figures behind it) and the debtor checklist.
 */
export function LetterSection({ card, locale }: { card: Card; locale: string }) {
  const t = useT();
  const commands = useCommands();
  const message = card.message ?? {};
  const verdicts = letterLab(card.message, locale);
  // While a blind tone round runs on this letter, nobody is shown which variant is sent today.
  const inUseHidden = useInUseHidden(card.id);

  const save = (patch: Partial<TouchpointMessage>) => {
    const next: TouchpointMessage = { ...message, ...patch };
    for (const variant of MESSAGE_VARIANTS) if (next[variant] === '') delete next[variant];
    if (next.inUse && next[next.inUse] === undefined) delete next.inUse;
    commands.updateCard(card.id, { message: next.a === undefined && next.b === undefined ? null : next });
  };
  const [inUseShown, chooseInUse] = useDocChoice(message.inUse, (inUse) => save({ inUse }));

  return (
    <section className="field letter-lab" aria-labelledby={`letter-${card.id}`}>
      <h3 id={`letter-${card.id}`} className="field__label">
        {t('letter.title')}
      </h3>
      <div className="letter-lab__variants">
        {MESSAGE_VARIANTS.map((variant) => {
          const verdict = verdicts.find((v) => v.variant === variant);
          return (
            <div key={variant} className="letter-lab__variant" data-variant={variant}>
              <TextField
                key={`${card.id}-${variant}`}
                label={t(VARIANT_LABELS[variant])}
                value={message[variant] ?? ''}
                rows={8}
                maxLength={LIMITS.messageTextLength}
                onSave={(text) => save({ [variant]: text })}
              />
              {inUseHidden ? (
                <p className="muted letter-lab__in-use">{t('tone.hiddenInUse')}</p>
              ) : (
                <label className="letter-lab__in-use">
                  <input
                    type="radio"
                    name={`in-use-${card.id}`}
                    checked={inUseShown === variant}
                    disabled={message[variant] === undefined}
                    onChange={() => chooseInUse(variant)}
                  />
                  {t('letter.inUse')}
                </label>
              )}
              {verdict ? <Verdict verdict={verdict} /> : null}
            </div>
          );
        })}
      </div>
      <ToneRoundStart card={card} />
    </section>
  );
}

function Verdict({ verdict }: { verdict: VariantVerdict }) {
  const t = useT();
  const { readability, checklist, found } = verdict;
  const { figures } = readability;
  return (
    <div className="letter-lab__verdict" data-readability-level={readability.level}>
      <p className="letter-lab__score">
        {readability.index === 'lix'
          ? t('letter.lix', { score: readability.score, level: t(`letter.level.${readability.level}`) })
          : t('letter.flesch', {
              score: readability.score,
              level: t(`letter.level.${readability.level}`),
              grade: readability.grade ?? 0,
            })}
      </p>
      <p className="letter-lab__figures">
        {t('letter.figures', { sentences: figures.sentences, words: figures.words, long: figures.longWords })}
      </p>
      <p className="letter-lab__checklist-title">{t('letter.checklist', { found, total: checklist.length })}</p>
      <ul className="letter-lab__checklist">
        {checklist.map((item) => (
          <li key={item.item} data-found={item.found}>
            <span className="letter-lab__mark" aria-hidden="true">
              {item.found ? '✓ ' : '✗ '}
            </span>
            <span>{t(`letter.item.${item.item}`)}</span>
            <span className="visually-hidden">{item.found ? t('letter.found') : t('letter.missing')}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
