import { timerEnded, type TimerValue } from '@rejse/shared';
import { useReactFlow, useStore, useStoreApi, ViewportPortal } from '@xyflow/react';
import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { createPortal } from 'react-dom';
import { computeLayout } from '../canvas/layout.ts';
import { stagesViewport } from '../canvas/viewport.ts';
import { useBoard, useBoardSnapshot, useSession } from '../doc/BoardContext.tsx';
import { useFacilitationContext } from '../facilitation/FacilitationContext.tsx';
import { TimerDisplay } from '../facilitation/TimerDisplay.tsx';
import { useTicking } from '../facilitation/useNow.ts';
import { useT } from '../i18n/index.ts';
import { following } from '../presence/follow.ts';
import { leftPresentation, presentation } from '../presence/presentation.ts';
import type { Peer, Presenting } from '../presence/state.ts';
import { IconButton } from '../ui/IconButton.tsx';
import { beep, unlockSound } from './beep.ts';
import './presentation.css';

const STEP_KEYS = new Set(['ArrowRight', 'ArrowLeft', 'PageDown', 'PageUp']);

const isTyping = (target: EventTarget | null): boolean =>
  target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));

/** The next range: one stage on, or (with Shift) the range grown or shrunk by one at its end. */
export function stepRange(range: Presenting, forward: boolean, grow: boolean, stages: number): Presenting {
  const last = Math.max(0, stages - 1);
  if (grow) {
    const to = Math.max(range.from, Math.min(last, range.to + (forward ? 1 : -1)));
    return { from: range.from, to };
  }
  const width = range.to - range.from;
  const from = Math.max(0, Math.min(last - width, range.from + (forward ? 1 : -1)));
  return { from, to: from + width };
}

/** "Present" in the facilitator's bar: full screen, the first stage, everyone following. */
export function PresentButton() {
  const t = useT();
  const presenting = useSyncExternalStore(presentation.subscribe, presentation.get);
  if (presenting) return null;
  const start = () => {
    presentation.set({ from: 0, to: 0 });
    void document.documentElement.requestFullscreen?.().catch(() => undefined);
  };
  return (
    <button type="button" className="button button--small" onClick={start} data-present="start">
      {t('map.present.start')}
    </button>
  );
}

/**
 * Presentation mode. The presenter (a facilitator) shows one stage or a range at a time,
 * arrow keys stepping through (Shift+arrow widens or narrows the range, Esc stops); the
 * range travels through awareness and every other view fits it to its own screen, with the
 * editing chrome hidden, until that person chooses to look around on their own (and back).
 * The timer is large meanwhile and can sound at zero (opt-in, per browser).
 */
export function Presentation({ peers, timer }: { peers: readonly Peer[]; timer: TimerValue }) {
  const t = useT();
  const session = useSession();
  const store = useStoreApi();
  const { setViewport } = useReactFlow();
  const mine = useSyncExternalStore(presentation.subscribe, presentation.get);
  const left = useSyncExternalStore(leftPresentation.subscribe, leftPresentation.get);
  const presenter = mine ? null : (peers.find((p) => p.presenting && p.user.role === 'facilitator') ?? null);
  const range = mine ?? presenter?.presenting ?? null;
  const showing = range !== null && (mine !== null || !left);
  const stages = useBoard((b) => b.stages);
  const pane = useStore((s) => `${s.width}x${s.height}`);

  // Someone else's presentation ended: the next one is followed again.
  useEffect(() => {
    if (!range && left) leftPresentation.set(false);
  }, [range, left]);

  useEffect(() => {
    if (!showing) return;
    document.body.classList.add('is-presenting');
    return () => document.body.classList.remove('is-presenting');
  }, [showing]);

  // Fit the presented stages to this screen at every step (and when the screen changes size).
  // biome-ignore lint/correctness/useExhaustiveDependencies: the range's ends, the pane and the stage count are what move the view; the stores and setViewport are stable.
  useEffect(() => {
    if (!showing || !range) return;
    following.set(null);
    const frame = requestAnimationFrame(() => {
      const { width, height } = store.getState();
      const view = stagesViewport(computeLayout(session.getBoard()), range, width, height);
      if (view) void setViewport(view, { duration: 250 });
    });
    return () => cancelAnimationFrame(frame);
  }, [showing, range?.from, range?.to, pane, stages.length]);

  const stop = useCallback(() => {
    presentation.set(null);
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
  }, []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: the keys are listened to while this person presents (mine !== null); presentation is a stable store.
  useEffect(() => {
    if (!mine) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (isTyping(event.target) || event.altKey || event.ctrlKey || event.metaKey) return;
      const current = presentation.get();
      if (!current) return;
      if (event.key === 'Escape') {
        event.preventDefault();
        stop();
      } else if (STEP_KEYS.has(event.key)) {
        event.preventDefault();
        event.stopPropagation();
        const forward = event.key === 'ArrowRight' || event.key === 'PageDown';
        presentation.set(stepRange(current, forward, event.shiftKey, session.getBoard().stages.length));
      }
    };
    window.addEventListener('keydown', onKeyDown, { capture: true });
    return () => window.removeEventListener('keydown', onKeyDown, { capture: true });
  }, [mine !== null, stop, session]);

  if (!range) return null;
  const last = stages.length - 1;
  const from = Math.min(range.from, last);
  const to = Math.min(range.to, last);
  const title = (i: number) => stages[i]?.title || t('stage.new');
  const where =
    from === to
      ? t('map.present.stage', { n: from + 1, count: stages.length, title: title(from) })
      : `${t('map.present.stage', { n: from + 1, count: stages.length, title: title(from) })} – ${to + 1}. ${title(to)}`;

  if (!showing) {
    return createPortal(
      <div className="presentation-pill" role="status">
        <span>{t('map.present.following', { name: presenter?.user.name ?? '' })}</span>
        <button type="button" className="button button--small button--primary" onClick={() => leftPresentation.set(false)}>
          {t('map.present.rejoin')}
        </button>
      </div>,
      document.body,
    );
  }

  return (
    <>
      <PresentedStages from={from} to={to} />
      {createPortal(
        <section className="presentation-bar" aria-label={t('map.present.label')}>
          {mine ? (
            <IconButton
              icon="left"
              label={t('map.present.previous')}
              unavailable={from === 0}
              onClick={() => presentation.set(stepRange(range, false, false, stages.length))}
            />
          ) : null}
          <p className="presentation-bar__stage" aria-live="polite" data-presented-stage={from}>
            {where}
          </p>
          {mine ? (
            <IconButton
              icon="right"
              label={t('map.present.next')}
              unavailable={to >= last}
              onClick={() => presentation.set(stepRange(range, true, false, stages.length))}
            />
          ) : null}
          <div className="presentation-bar__timer">
            <TimerDisplay timer={timer} />
          </div>
          <SoundAtZero timer={timer} />
          {mine ? (
            <>
              <span className="presentation-bar__hint">{t('map.present.hint')}</span>
              <button type="button" className="button button--small" onClick={stop} data-present="stop">
                {t('map.present.stop')}
              </button>
            </>
          ) : (
            <>
              <span className="presentation-bar__hint">{t('map.present.following', { name: presenter?.user.name ?? '' })}</span>
              <button type="button" className="button button--small" onClick={() => leftPresentation.set(true)} data-present="leave">
                {t('map.present.leave')}
              </button>
            </>
          )}
        </section>,
        document.body,
      )}
    </>
  );
}

/** The stages outside the presented range, veiled on the map (the room looks where the presenter is). */
function PresentedStages({ from, to }: { from: number; to: number }) {
  const board = useBoardSnapshot();
  const layout = computeLayout(board);
  const { bounds } = layout;
  return (
    <ViewportPortal>
      <div className="presentation-veil" aria-hidden="true">
        {layout.stages
          .filter((stage) => stage.index < from || stage.index > to)
          .map((stage) => (
            <div key={stage.id} style={{ left: stage.x, top: bounds.y, width: stage.width, height: bounds.height }} />
          ))}
      </div>
    </ViewportPortal>
  );
}

const SOUND_KEY = 'rejse.timerSound';

/** The opt-in "sound at zero" switch; plays the signal once when the running timer reaches zero. */
function SoundAtZero({ timer }: { timer: TimerValue }) {
  const t = useT();
  const { clock } = useFacilitationContext();
  const [on, setOn] = useState(() => localStorage.getItem(SOUND_KEY) === 'on');
  const read = useCallback(() => clock.now(), [clock]);
  const now = useTicking(read, timer.state === 'running');
  const ended = timerEnded(timer, now);
  const wasEnded = useRef(ended);
  // Switched on in an earlier visit: the page's first click lets the browser play the signal.
  useEffect(() => {
    if (!on) return;
    window.addEventListener('pointerdown', unlockSound, { once: true });
    return () => window.removeEventListener('pointerdown', unlockSound);
  }, [on]);
  useEffect(() => {
    if (ended && !wasEnded.current && on) beep();
    wasEnded.current = ended;
  }, [ended, on]);
  return (
    <label className="presentation-bar__sound">
      <input
        type="checkbox"
        checked={on}
        onChange={(event) => {
          const next = event.target.checked;
          setOn(next);
          localStorage.setItem(SOUND_KEY, next ? 'on' : 'off');
          if (next) unlockSound();
        }}
      />
      {t('map.present.sound')}
    </label>
  );
}
