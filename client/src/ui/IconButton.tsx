import type { ButtonHTMLAttributes } from 'react';
import { Icon, type IconName } from './icons.tsx';

interface IconButtonProps extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'children'> {
  icon: IconName;
  /** The accessible name, also shown as the tooltip. */
  label: string;
  /**
   * Unavailable but still focusable, with `reason` as its description: a disabled button
   * would hide why it cannot be used.
   */
  unavailable?: boolean;
  reason?: string;
  showLabel?: boolean;
}

export function IconButton({
  icon,
  label,
  unavailable = false,
  reason,
  showLabel = false,
  className = '',
  onClick,
  ...rest
}: IconButtonProps) {
  return (
    <button
      type="button"
      className={`icon-button${showLabel ? ' icon-button--labelled' : ''} ${className}`}
      aria-label={showLabel ? undefined : label}
      title={unavailable && reason ? reason : label}
      aria-disabled={unavailable || undefined}
      onClick={unavailable ? undefined : onClick}
      {...rest}
    >
      <Icon name={icon} />
      {showLabel ? <span>{label}</span> : null}
    </button>
  );
}
