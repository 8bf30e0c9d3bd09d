import type * as Y from 'yjs';
import { CUSTOM_CHANNEL_NAME_LENGTH, MAX_CUSTOM_CHANNELS } from '../schema/channels.ts';
import { LIMITS } from '../schema/limits.ts';
import type { UpdateAnalysis } from './analyze.ts';
import { customChannelName, isCustomChannelKey, readBoardChannels } from './custom-channels.ts';
import { CARDS, LANES, LINKS, META, PERSONAS, STAGES, cardsMap, lanesMap, linksMap, metaMap, personasMap, stagesMap } from './layout.ts';
import { isRemoved } from './read.ts';
import { textValue } from './text.ts';
import { FACILITATION } from '../facilitation/layout.ts';

/**
 * The board schema's limits (`LIMITS`, the zod schemas in schema/) checked on an incoming
 * update before it is applied, so that whatever a board holds can be exported as
 * board.json and imported again. The edit operations in ops.ts refuse the same things on
 * the client; this is for updates that did not come through them.
 */

/** Longest text per field, as the schemas say (UTF-16 code units, like zod's `max`). */
const TEXT_LIMITS: Readonly<Record<string, Readonly<Record<string, number>>>> = {
  [META]: { title: LIMITS.titleLength, locale: 35 },
  [STAGES]: { title: LIMITS.titleLength },
  [LANES]: { title: LIMITS.titleLength },
  [CARDS]: { text: LIMITS.cardTextLength, thought: LIMITS.cardTextLength, owner: LIMITS.titleLength },
  [PERSONAS]: { name: LIMITS.titleLength, segment: LIMITS.titleLength, description: LIMITS.cardTextLength },
};

/** The maps of the board layout and facilitation, where every value is small (other roots: only facilitators write them). */
const VALUE_CAPPED_ROOTS: ReadonlySet<string> = new Set([META, STAGES, LANES, CARDS, LINKS, PERSONAS, FACILITATION]);

export interface BoardLimitOptions {
  /** Cards a board may hold (LIMITS.cards unless the server is configured lower). */
  maxCards: number;
  /** Largest single value (JSON bytes) written anywhere: no field of the layout needs more. */
  maxValueBytes: number;
}

/** The field a write lands on: for meta the key itself, for records the record's field. */
const fieldOf = (root: string, keys: readonly string[]): string | undefined => (root === META ? keys[0] : keys[1]);

/** Live stages or lanes: records not removed (the tombstones stay, see layout.ts). */
function liveAxisCount(map: Y.Map<Y.Map<unknown>>): number {
  let live = 0;
  map.forEach((record) => {
    if (!(record && typeof record.get === 'function') || !isRemoved(record)) live++;
  });
  return live;
}

/** Removed stages or lanes the update brings back (writes or deletes their `removed` field). */
function revived(analysis: UpdateAnalysis, root: string, map: Y.Map<Y.Map<unknown>>): number {
  const ids = new Set<string>();
  for (const change of analysis.changes) {
    if (change.root !== root || change.field !== 'removed' || change.recordId === undefined) continue;
    const record = map.get(change.recordId);
    if (record && typeof record.get === 'function' && isRemoved(record)) ids.add(change.recordId);
  }
  return ids.size;
}

/**
 * Why applying the update would take the board past a schema limit, or null. Counts are
 * checked only when the update adds records, so a board that is already over a limit (an
 * old one) can still be edited down.
 */
export function boardLimitViolation(doc: Y.Doc, analysis: UpdateAnalysis, options: BoardLimitOptions): string | null {
  for (const write of analysis.writes) {
    if (VALUE_CAPPED_ROOTS.has(write.root) && write.bytes > options.maxValueBytes)
      return `a value of ${write.bytes} bytes in "${write.root}"`;
    const field = fieldOf(write.root, write.keys);
    const max = field === undefined ? undefined : TEXT_LIMITS[write.root]?.[field];
    if (max !== undefined && typeof write.value === 'string' && write.value.length > max) {
      return `${write.root} ${field} of ${write.value.length} characters (at most ${max})`;
    }
    // A channel key holds its own name and nothing else (custom-channels.ts).
    if (write.root === META && field !== undefined && isCustomChannelKey(field)) {
      if (write.keys.length !== 1 || write.isRecord || customChannelName(field, write.value) === undefined)
        return `meta ${field.slice(0, 60)} must hold that channel's name, at most ${CUSTOM_CHANNEL_NAME_LENGTH} characters`;
    }
  }
  const newChannels = [...(analysis.newKeys.get(META) ?? [])].filter(isCustomChannelKey).length;
  if (newChannels > 0 && readBoardChannels(metaMap(doc)).total + newChannels > MAX_CUSTOM_CHANNELS) {
    return `more than ${MAX_CUSTOM_CHANNELS} channels of the board's own`;
  }
  const grown = textOverflow(doc, analysis);
  if (grown) return grown;
  const added = (root: string) => analysis.newKeys.get(root)?.size ?? 0;
  const counts: Array<[string, () => number, number, number]> = [
    [CARDS, () => cardsMap(doc).size, added(CARDS), options.maxCards],
    [LINKS, () => linksMap(doc).size, added(LINKS), LIMITS.links],
    [PERSONAS, () => personasMap(doc).size, added(PERSONAS), LIMITS.personas],
    [STAGES, () => liveAxisCount(stagesMap(doc)), added(STAGES) + revived(analysis, STAGES, stagesMap(doc)), LIMITS.stages],
    [LANES, () => liveAxisCount(lanesMap(doc)), added(LANES) + revived(analysis, LANES, lanesMap(doc)), LIMITS.lanes],
  ];
  for (const [root, current, adding, max] of counts) {
    if (adding > 0 && current() + adding > max) return `more than ${max} ${root}`;
  }
  return null;
}

/**
 * How far typing may take one Y.Text field: twice its limit. Two people typing at once near
 * the limit can pass it together, and refusing the second would cost them their typing (the
 * reader cuts what is over the limit, see read.ts); twice the limit still bounds what any
 * client can store in one field.
 */
const TEXT_GROWTH_FACTOR = 2;

function textOverflow(doc: Y.Doc, analysis: UpdateAnalysis): string | null {
  for (const [at, inserted] of analysis.textInserted) {
    const [root = '', recordId = '', field = ''] = at.split('\u0000');
    const max = TEXT_LIMITS[root]?.[field];
    if (max === undefined) continue;
    const record = (doc.share.get(root) as Y.Map<Y.Map<unknown>> | undefined)?.get?.(recordId);
    const current = record && typeof record.get === 'function' ? textValue(record.get(field)).length : 0;
    if (current + inserted > max * TEXT_GROWTH_FACTOR) return `${root} ${field} of ${current + inserted} characters (at most ${max})`;
  }
  return null;
}
