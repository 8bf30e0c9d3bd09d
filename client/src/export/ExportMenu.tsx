import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import type { BoardView } from '../routing/routes.ts';
import { useT, type MessageKey } from '../i18n/index.ts';
import { Icon } from '../ui/icons.tsx';
import type { PictureStep } from './picture.ts';
import './export.css';

// The export code (html-to-image, the file formats) loads when the menu first opens.
const ExportItems = lazy(() => import('./ExportItems.tsx').then((module) => ({ default: module.ExportItems })));

const STEP_TEXT: Readonly<Record<PictureStep, MessageKey>> = {
  prepare: 'export.picture.prepare',
  render: 'export.picture.render',
  encode: 'export.picture.encode',
};

/**
 * The board's exports: PNG pictures of the map (whole board or current view, 1× or 2×),
 * the action list as CSV and Markdown, the map as Markdown, the board as JSON, and the
 * report (HTML file from the server, or the printable report page). Files are made in the
 * browser from the live board with the same functions the server's endpoints use.
 */
export function ExportMenu({ view }: { view: BoardView | 'map' }) {
  const t = useT();
  const ref = useRef<HTMLDetailsElement>(null);
  const [open, setOpen] = useState(false);
  const [step, setStep] = useState<PictureStep | null>(null);

  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      if (ref.current && !ref.current.contains(event.target as Node)) ref.current.open = false;
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && ref.current?.open) {
        ref.current.open = false;
        ref.current.querySelector('summary')?.focus();
      }
    };
    document.addEventListener('pointerdown', onPointerDown);
    document.addEventListener('keydown', onKeyDown);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown);
      document.removeEventListener('keydown', onKeyDown);
    };
  }, [open]);

  const close = () => {
    if (ref.current) ref.current.open = false;
  };

  return (
    <>
      <details ref={ref} className="export-menu" onToggle={(event) => setOpen(event.currentTarget.open)}>
        <summary className="export-menu__summary">
          <Icon name="down" size={14} />
          {t('export.menu')}
        </summary>
        {open ? (
          <div className="export-menu__panel">
            <Suspense
              fallback={
                <p className="export-menu__loading" role="status">
                  {t('board.viewLoading')}
                </p>
              }
            >
              <ExportItems view={view} busy={step !== null} onStep={setStep} onDone={close} />
            </Suspense>
          </div>
        ) : null}
      </details>
      {step ? (
        <div className="export-progress" role="status" aria-live="polite">
          <div className="spinner" aria-hidden="true" />
          <span>{t(STEP_TEXT[step])}</span>
        </div>
      ) : null}
    </>
  );
}
