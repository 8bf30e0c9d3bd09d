import type { ReactNode } from 'react';
import { useDocChoice } from './useDocChoice.ts';

/** A checkbox bound to the document: it shows a click at once (see `useDocChoice`). */
export function DocCheckbox({
  className,
  checked,
  onChange,
  children,
}: {
  className: string;
  checked: boolean;
  onChange: (on: boolean) => void;
  children: ReactNode;
}) {
  const [shown, choose] = useDocChoice(checked, onChange);
  return (
    <label className={className}>
      <input type="checkbox" checked={shown} onChange={(event) => choose(event.target.checked)} />
      {children}
    </label>
  );
}
