import { useEffect, useState, type ReactNode } from 'react';

/**
 * A checkbox bound to the document. The board re-renders on the next frame after a write, so the
 * box shows the new state at once (a controlled box would flip back for that frame) and follows
 * the document whenever it changes, from here or from anyone else.
 */
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
  const [shown, setShown] = useState(checked);
  useEffect(() => setShown(checked), [checked]);
  return (
    <label className={className}>
      <input
        type="checkbox"
        checked={shown}
        onChange={(event) => {
          setShown(event.target.checked);
          onChange(event.target.checked);
        }}
      />
      {children}
    </label>
  );
}
