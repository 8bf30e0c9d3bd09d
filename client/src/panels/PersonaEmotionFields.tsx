import { EMOTIONS, PERSONA_CURVES, personaCurves, type Board, type Card, type Emotion, type PersonaId } from '@rejse/shared';
import { useBoard, useCommands } from '../doc/BoardContext.tsx';
import { usePrivateCard } from '../doc/mapLayers.ts';
import { useT } from '../i18n/index.ts';
import { Face } from '../ui/icons.tsx';
import { useDocChoice } from '../ui/useDocChoice.ts';
import { PersonaAvatar } from './PersonaAvatar.tsx';
import './persona-feel.css';

/** A persona as its curve shows it: the colour and line pattern of its curve on the map. */
interface CurvedPersona {
  id: PersonaId;
  name: string;
  colour: string;
  dash: string;
}

const samePersonas = (a: readonly CurvedPersona[], b: readonly CurvedPersona[]): boolean =>
  a.length === b.length && a.every((p, i) => p.id === b[i]?.id && p.name === b[i]?.name && p.colour === b[i]?.colour);

/**
 * The personas the map draws a curve for, with that curve's colour and dash: `personaCurves`
 * decides (none below two personas, at most five), asked without stages or cards so it only
 * names them.
 */
const curvedPersonas = (board: Board): CurvedPersona[] =>
  personaCurves({ personas: board.personas, stages: [], cards: [] }).map((curve) => ({
    id: curve.personaId as PersonaId,
    name: curve.name,
    colour: curve.colour,
    dash: curve.dash,
  }));

/**
 * How the touchpoint feels for each persona the map draws a curve for, set here as on the
 * curve's points: a persona's own face, or "same as shared" (no value of its own: it follows
 * the shared emotion above, whose face is outlined in its row). Shown only when the map draws
 * one curve per persona; a private card (not on the board yet) has no per-persona values.
 */
export function PersonaEmotionFields({ card }: { card: Card }) {
  const t = useT();
  const personas = useBoard(curvedPersonas, samePersonas);
  const total = useBoard((board) => board.personas.length);
  const isPrivate = usePrivateCard(card.id) !== undefined;
  if (personas.length === 0 || isPrivate) return null;
  const headingId = `persona-emotions-${card.id}`;
  return (
    <section className="field persona-feel" aria-labelledby={headingId}>
      <h3 id={headingId} className="field__label">
        {t('inspector.personaEmotion.heading')}
      </h3>
      <p className="persona-feel__hint">{t('inspector.personaEmotion.hint')}</p>
      {personas.map((persona) => (
        <PersonaRow key={persona.id} card={card} persona={persona} />
      ))}
      {total > personas.length ? (
        <p className="persona-feel__hint">{t('inspector.personaEmotion.more', { count: PERSONA_CURVES, total })}</p>
      ) : null}
    </section>
  );
}

function PersonaRow({ card, persona }: { card: Card; persona: CurvedPersona }) {
  const t = useT();
  const commands = useCommands();
  const own: Emotion | null = card.personaEmotions?.[persona.id] ?? null;
  const [shown, choose] = useDocChoice(own, (value) => commands.setPersonaEmotion(card.id, persona.id, value));
  const inherited = shown === null ? card.emotion : undefined;
  const name = `persona-emotion-${card.id}-${persona.id}`;
  const statusId = `${name}-status`;
  return (
    <div
      className="persona-feel__row"
      role="radiogroup"
      aria-labelledby={`${name}-who`}
      aria-describedby={shown === null ? statusId : undefined}
      data-persona-id={persona.id}
    >
      <div className="persona-feel__who">
        <svg className="persona-feel__swatch" viewBox="0 0 22 6" aria-hidden="true" focusable="false">
          <line x1="0" x2="22" y1="3" y2="3" stroke={persona.colour} strokeWidth="3" strokeDasharray={persona.dash || undefined} />
        </svg>
        <PersonaAvatar persona={persona} size="s" />
        <span id={`${name}-who`} className="persona-feel__name">
          {persona.name}
        </span>
      </div>
      <div className="faces faces--compact">
        {EMOTIONS.map((value) => (
          <label
            key={value}
            className={`faces__option${inherited === value ? ' faces__option--inherited' : ''}`}
            title={t(`emotion.${value}`)}
          >
            <input
              type="radio"
              name={name}
              value={value}
              checked={shown === value}
              onChange={() => choose(value)}
              aria-label={t(`emotion.${value}`)}
            />
            <Face value={value} size={22} />
          </label>
        ))}
        {/* A short word on the button (it shares the faces' line); its name says it in full. */}
        <label className="persona-feel__same" title={t('inspector.personaEmotion.same')}>
          <input
            type="radio"
            name={name}
            value=""
            checked={shown === null}
            onChange={() => choose(null)}
            aria-label={t('inspector.personaEmotion.same')}
          />
          <span>{t('inspector.personaEmotion.sameShort')}</span>
        </label>
      </div>
      {shown === null ? (
        <p id={statusId} className="persona-feel__status">
          {card.emotion === undefined
            ? t('inspector.personaEmotion.followsNone')
            : t('inspector.personaEmotion.follows', { emotion: t(`emotion.${card.emotion}`) })}
        </p>
      ) : null}
    </div>
  );
}
