import { useEffect, useRef, type ReactNode } from 'react';

/**
 * A small disclosure menu on <details>/<summary>: keyboard and screen-reader friendly
 * without a script for the basics; closes on Escape and on a click elsewhere.
 */
export function Menu({
  label,
  summary,
  children,
  className = '',
}: {
  label: string;
  summary: ReactNode;
  children: ReactNode;
  className?: string;
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
  return (
    <details ref={ref} className={`workshop-menu ${className}`}>
      <summary className="workshop-menu__summary" aria-label={label} title={label}>
        {summary}
      </summary>
      <div className="workshop-menu__panel">{children}</div>
    </details>
  );
}
