import type { CardKind, Channel } from '@rejse/shared';
import type { SVGProps } from 'react';

/**
 * Small 16×16 line icons drawn for Rejse. Decorative by default (aria-hidden): the
 * control that holds one carries the accessible name.
 */
const PATHS = {
  plus: 'M8 3v10M3 8h10',
  undo: 'M5.5 3.5 2.5 6.5l3 3M2.5 6.5h7a3.5 3.5 0 0 1 0 7H7',
  redo: 'M10.5 3.5l3 3-3 3M13.5 6.5h-7a3.5 3.5 0 0 0 0 7H9',
  fit: 'M2.5 6V2.5H6M10 2.5h3.5V6M13.5 10v3.5H10M6 13.5H2.5V10',
  pencil: 'M10.5 2.5l3 3-7.5 7.5-3.5.5.5-3.5z',
  trash: 'M2.5 4.5h11M6.5 4.5V2.5h3v2M4 4.5l.8 9h6.4l.8-9',
  left: 'M10 3.5 5.5 8l4.5 4.5',
  right: 'M6 3.5 10.5 8 6 12.5',
  up: 'M3.5 10 8 5.5l4.5 4.5',
  down: 'M3.5 6 8 10.5 12.5 6',
  close: 'M4 4l8 8M12 4l-8 8',
  back: 'M13 8H3.5M7 4 3 8l4 4',
  link: 'M6.5 9.5l3-3M7 4.5l1-1a2.5 2.5 0 0 1 3.5 3.5l-1 1M9 11.5l-1 1a2.5 2.5 0 0 1-3.5-3.5l1-1',
  board: 'M2 3h12v10H2zM2 6h12M6 6v7',
  search: 'M7 2.5a4.5 4.5 0 1 1 0 9 4.5 4.5 0 0 1 0-9zM10.3 10.3l3.2 3.2',
  zoomStage: 'M7 2.5a4.5 4.5 0 1 1 0 9 4.5 4.5 0 0 1 0-9zM10.3 10.3l3.2 3.2M5.5 5v4M8.5 5v4',
  person: 'M8 2.5a2.75 2.75 0 1 1 0 5.5 2.75 2.75 0 0 1 0-5.5zM2.5 14c.6-2.9 2.8-4.5 5.5-4.5s4.9 1.6 5.5 4.5',
  copy: 'M5.5 5.5h8v8h-8zM10.5 5.5v-3h-8v8h3',
  keyboard: 'M1.5 4h13v8h-13zM4 6.5h.01M6.5 6.5h.01M9 6.5h.01M11.5 6.5h.01M5 9.5h6',
  check: 'M3 8.5l3 3 7-7',
  lock: 'M4 7.5h8v6H4zM5.75 7.5V5.25a2.25 2.25 0 0 1 4.5 0V7.5',
  // Card kinds
  touchpoint: 'M8 2.5a5.5 5.5 0 1 1 0 11 5.5 5.5 0 0 1 0-11zM8 6.5a1.5 1.5 0 1 1 0 3 1.5 1.5 0 0 1 0-3z',
  pain: 'M8 2.5 14 13.5H2zM8 6.5V10M8 11.75v.01',
  idea: 'M5.8 11V9.9A4 4 0 1 1 10.2 9.9V11zM6.3 13.5h3.4',
  note: 'M3 2.5h10v7.5l-3.5 3.5H3zM9.5 13.5V10H13',
  // Channels
  letter: 'M4 1.5h5.5L12.5 4.5v10H4zM9.5 1.5v3h3M6 8h4.5M6 10.5h4.5',
  email: 'M2 3.5h12v9H2zM2.3 4l5.7 4.5L13.7 4',
  sms: 'M2.5 3h11v7.5h-6l-3 2.5v-2.5h-2zM5.5 6.75h.01M8 6.75h.01M10.5 6.75h.01',
  chat: 'M1.5 2.5h9v6h-5l-2.5 2v-2H1.5zM12.5 6h2v6h-1.5v2L10.5 12H7v-1.5',
  portal: 'M1.5 3h13v10h-13zM1.5 5.5h13M3.5 4.25h.01M5 4.25h.01',
  phone: 'M4.5 1.8 6.7 4.9 5.4 6.4a8 8 0 0 0 4.2 4.2l1.5-1.3 3.1 2.2-.9 2.2C7.9 13.4 2.6 8.1 2.3 2.7z',
  app: 'M4.5 1.5h7v13h-7zM7.25 12.5h1.5',
  payment: 'M1.5 3.5h13v9h-13zM1.5 6.5h13M3.5 10h3.5',
  // Digital mailboxes (e-Boks/Digital Post, Kivra): a letter tray, and a tray with a letter in it.
  eboks: 'M1.5 8.5 3.5 3.5h9l2 5v4h-13zM1.5 8.5H5.5l1 1.5h3l1-1.5h4',
  kivra: 'M1.5 8.5 3.5 5.5h9l2 3v4h-13zM1.5 8.5H5.5l1 1.5h3l1-1.5h4M5.5 5.5V2h5v3.5',
  /** A channel the board added itself. */
  channel: 'M2 8h3l2-4.5 2 9 2-4.5h3',
} as const satisfies Record<string, string> & Record<CardKind | Channel, string>;

/** Every card kind and channel has an icon of the same name (a type error otherwise). */
export type IconName = keyof typeof PATHS;

export function Icon({ name, size = 16, ...rest }: { name: IconName; size?: number } & SVGProps<SVGSVGElement>) {
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 16 16"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.5}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
      {...rest}
    >
      <path d={PATHS[name]} />
    </svg>
  );
}

/** A face for an emotion score: the mouth bends from a frown (−2) to a smile (+2). */
export function Face({ value, size = 16, title }: { value: number; size?: number; title?: string }) {
  const bend = Math.max(-2, Math.min(2, value)) * 1.3;
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 16 16"
      className={`face face--${emotionTone(value)}`}
      role={title ? 'img' : undefined}
      aria-label={title}
      aria-hidden={title ? undefined : 'true'}
      focusable="false"
    >
      {title ? <title>{title}</title> : null}
      <circle cx="8" cy="8" r="7" className="face__disc" />
      <circle cx="5.6" cy="6.4" r="0.95" className="face__eye" />
      <circle cx="10.4" cy="6.4" r="0.95" className="face__eye" />
      <path d={`M4.9 ${10.4 - bend / 2} Q8 ${10.4 + bend} 11.1 ${10.4 - bend / 2}`} className="face__mouth" />
    </svg>
  );
}

/** A tone name for colouring an emotion value (rounded to the nearest step). */
export function emotionTone(value: number): 'm2' | 'm1' | 'z' | 'p1' | 'p2' {
  const step = Math.round(Math.max(-2, Math.min(2, value)));
  return step <= -2 ? 'm2' : step === -1 ? 'm1' : step === 0 ? 'z' : step === 1 ? 'p1' : 'p2';
}
