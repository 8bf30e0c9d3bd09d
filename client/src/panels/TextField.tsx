import { LIMITS } from '@rejse/shared';
import { useState, type KeyboardEvent } from 'react';

interface TextFieldProps {
  label: string;
  value: string;
  onSave: (value: string) => void;
  placeholder?: string;
  rows?: number;
  maxLength?: number;
  /** A single-line input instead of a text area. */
  single?: boolean;
  /** `data-field` on the input, for finding it (e.g. to focus a new persona's name). */
  inputData?: string;
}

/**
 * A text saved when the field is left (or Enter in a single line, Ctrl/Cmd+Enter in an
 * area); Esc goes back to the saved text. While not typing it shows other people's edits.
 * Give it a `key` per record so a draft never moves to another card.
 */
export function TextField({
  label,
  value,
  onSave,
  placeholder,
  rows = 4,
  maxLength = LIMITS.cardTextLength,
  single = false,
  inputData,
}: TextFieldProps) {
  const [draft, setDraft] = useState<string | null>(null);

  const commit = () => {
    if (draft !== null && draft !== value) onSave(draft);
    setDraft(null);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement | HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && (single || event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      commit();
    } else if (event.key === 'Escape' && draft !== null) {
      event.preventDefault();
      event.stopPropagation();
      setDraft(null);
    }
  };

  const common = {
    className: `input${single ? '' : ' input--area'}`,
    value: draft ?? value,
    placeholder,
    maxLength,
    onChange: (event: { target: { value: string } }) => setDraft(event.target.value),
    onBlur: commit,
    onKeyDown,
    'data-field': inputData,
  };

  return (
    // biome-ignore lint/a11y/noLabelWithoutControl: the label wraps its control (an input or a textarea, chosen below).
    <label className="field">
      <span className="field__label">{label}</span>
      {single ? <input {...common} /> : <textarea {...common} rows={rows} />}
    </label>
  );
}
