import { isRole, type Role } from '@rejse/shared';
import { TEXT_ROOTS, type TextTarget } from '../doc/liveText.ts';

/**
 * What each person shares through Yjs awareness (never stored): who they are, where their
 * cursor is (flow coordinates), what they have selected, the centre and zoom of their view
 * (for "follow"), whether they are active, and the text they are typing into.
 */
interface PresenceUser {
  name: string;
  color: string;
  role: Role;
}

export interface ViewCentre {
  /** The centre of the view, in flow coordinates (screens differ in size). */
  x: number;
  y: number;
  zoom: number;
}

/** The stages (indices, left to right, inclusive) a presenter is showing everyone. */
export interface Presenting {
  from: number;
  to: number;
}

export interface PresenceState {
  user: PresenceUser;
  cursor: { x: number; y: number } | null;
  selection: string[];
  view: ViewCentre | null;
  /** False after a minute without input. */
  active: boolean;
  /** Set while this person presents the map (the facilitator): everyone's view follows it. */
  presenting: Presenting | null;
  /** The text field this person has open (a card's text or thought, a title, a persona's name): "… is editing". */
  editing: TextTarget | null;
}

export interface Peer extends PresenceState {
  clientId: number;
}

/** Idle after this long without pointer or keyboard input. */
export const IDLE_AFTER_MS = 60_000;
/** Cursor and view updates are sent at most this often (~15 Hz). */
export const PRESENCE_THROTTLE_MS = 66;

const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const MAX_SELECTION = 500;
/** More stages than any board may have (LIMITS): a stage index beyond it is nonsense. */
const MAX_STAGE_INDEX = 1000;
const stageIndex = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0 && (v as number) < MAX_STAGE_INDEX;

function readPresenting(value: unknown): Presenting | null {
  if (!value || typeof value !== 'object') return null;
  const { from, to } = value as Record<string, unknown>;
  return stageIndex(from) && stageIndex(to) && from <= to ? { from, to } : null;
}

const MAX_ID = 100;

function readEditing(value: unknown): TextTarget | null {
  if (!value || typeof value !== 'object') return null;
  const { root, id, field } = value as Record<string, unknown>;
  const known = TEXT_ROOTS.find((r) => r === root);
  if (!known || typeof id !== 'string' || typeof field !== 'string' || id.length > MAX_ID || field.length > MAX_ID) return null;
  return { root: known, id, field };
}

/** A remote state read defensively (anyone can send anything); null when it is not a person. */
export function readPresence(value: unknown): PresenceState | null {
  if (!value || typeof value !== 'object') return null;
  const state = value as Record<string, unknown>;
  const user = state.user as Record<string, unknown> | undefined;
  if (!user || typeof user.name !== 'string' || typeof user.color !== 'string') return null;
  const cursor = state.cursor as Record<string, unknown> | null | undefined;
  const view = state.view as Record<string, unknown> | null | undefined;
  return {
    user: {
      name: user.name.slice(0, 40),
      color: /^#[0-9a-fA-F]{6}$/.test(user.color) ? user.color : '#76828f',
      role: isRole(user.role) ? user.role : 'viewer',
    },
    cursor: cursor && finite(cursor.x) && finite(cursor.y) ? { x: cursor.x, y: cursor.y } : null,
    selection: Array.isArray(state.selection)
      ? state.selection.filter((id): id is string => typeof id === 'string').slice(0, MAX_SELECTION)
      : [],
    view: view && finite(view.x) && finite(view.y) && finite(view.zoom) && view.zoom > 0 ? { x: view.x, y: view.y, zoom: view.zoom } : null,
    active: state.active !== false,
    presenting: readPresenting(state.presenting),
    editing: readEditing(state.editing),
  };
}

/** React Flow's viewport (translate x/y, zoom) for a view centred on `centre` in a pane of this size. */
export function viewportFor(centre: ViewCentre, width: number, height: number): { x: number; y: number; zoom: number } {
  return { x: width / 2 - centre.x * centre.zoom, y: height / 2 - centre.y * centre.zoom, zoom: centre.zoom };
}

/** The centre of a React Flow viewport in flow coordinates. */
export function centreOf(transform: readonly [number, number, number], width: number, height: number): ViewCentre {
  const [x, y, zoom] = transform;
  return { x: (width / 2 - x) / zoom, y: (height / 2 - y) / zoom, zoom };
}
