import { useEffect, useRef, type MouseEvent, type ReactNode } from 'react';

/**
 * A small disclosure menu on <details>/<summary>: keyboard and screen-reader friendly
 * without a script for the basics; closes on Escape and on a click elsewhere. A menu of
 * choices (`closeOnChoice`) also closes once one of its own buttons is chosen (not one of a
 * menu inside it), and its summary keeps the focus unless the choice moved it elsewhere.
 */
export function Menu({
  label,
  summary,
  children,
  className = '',
  closeOnChoice = false,
}: {
  label: string;
  summary: ReactNode;
  children: ReactNode;
  className?: string;
  closeOnChoice?: boolean;
}) {
  const ref = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    const onPointerDown = (event: PointerEvent) => {
      const details = ref.current;
      if (details?.open && !details.contains(event.target as Node)) details.open = false;
    };
    const onKeyDown = (event: KeyboardEvent) => {
      const details = ref.current;
      if (event.key === 'Escape' && details?.open) {
        details.open = false;
        details.querySelector('summary')?.focus();
      }
    };
    document.addEventListener('pointerdown', onPointerDown);
    document.addEventListener('keydown', onKeyDown);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown);
      document.removeEventListener('keydown', onKeyDown);
    };
  }, []);
  const onChoice = (event: MouseEvent<HTMLDivElement>) => {
    const details = ref.current;
    const button = (event.target as Element).closest('button');
    if (!closeOnChoice || !details || !button || button.closest('details') !== details) return;
    // After the choice's own handlers (which may open a panel and focus it).
    setTimeout(() => {
      details.open = false;
      const focus = document.activeElement;
      if (!focus || focus === document.body || !focus.isConnected || details.contains(focus)) {
        details.querySelector('summary')?.focus();
      }
    }, 0);
  };
  return (
    <details ref={ref} className={`workshop-menu ${className}`}>
      <summary className="workshop-menu__summary" aria-label={label} title={label}>
        {summary}
      </summary>
      {/* biome-ignore lint/a11y/noStaticElementInteractions lint/a11y/useKeyWithClickEvents: it only listens to its buttons' clicks (Enter and Space click them too). */}
      <div className="workshop-menu__panel" onClick={onChoice}>
        {children}
      </div>
    </details>
  );
}
