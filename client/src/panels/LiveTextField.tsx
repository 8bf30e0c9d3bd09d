import { LIMITS, type TextEdit } from '@rejse/shared';
import { useId, useState, type KeyboardEvent } from 'react';
import type { TextTarget } from '../doc/liveText.ts';
import { useLiveText } from '../doc/useLiveText.ts';
import { EditingNames } from '../presence/EditingNames.tsx';

interface LiveTextFieldProps {
  label: string;
  /** The text as the board holds it now (the field's first value; the live binding keeps it current after). */
  value: string;
  target: TextTarget;
  write: (edit: TextEdit, next: string) => void;
  placeholder?: string;
  rows?: number;
  maxLength?: number;
  /** A single-line input instead of a text area. */
  single?: boolean;
  /** `data-field` on the input, for finding it (e.g. to focus a new persona's name). */
  inputData?: string;
}

/**
 * A shared text typed together: every keystroke is saved and shown to others at once, and
 * their typing appears here without moving the caret (see doc/liveText.ts), and who else has
 * it open is named beside the label. Esc takes back
 * what this person typed since coming into the field. Give it a `key` per record.
 */
export function LiveTextField({
  label,
  value,
  target,
  write,
  placeholder,
  rows = 4,
  maxLength = LIMITS.cardTextLength,
  single = false,
  inputData,
}: LiveTextFieldProps) {
  const [initial] = useState(value);
  const othersId = useId();
  const live = useLiveText<HTMLInputElement & HTMLTextAreaElement>(target, write);

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement | HTMLTextAreaElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      live.revert();
    } else if (event.key === 'Enter' && single && !event.nativeEvent.isComposing) {
      event.preventDefault();
      event.currentTarget.blur();
    }
  };

  const common = {
    ref: live.ref,
    className: `input${single ? '' : ' input--area'}`,
    defaultValue: initial,
    // Named by the label alone: who else is typing describes the field instead.
    'aria-label': label,
    'aria-describedby': othersId,
    placeholder,
    maxLength,
    onKeyDown,
    'data-field': inputData,
  };

  return (
    // biome-ignore lint/a11y/noLabelWithoutControl: the label wraps its control (an input or a textarea, chosen below).
    <label className="field">
      <span className="field__label">
        {label}
        <EditingNames target={target} id={othersId} />
      </span>
      {single ? <input {...common} /> : <textarea {...common} rows={rows} />}
    </label>
  );
}
