import {
  cadenceRulesMap,
  cardsMap,
  keepKnownPersonas,
  keepKnownScenarios,
  readCadenceRules,
  readScenarios,
  scenariosMap,
  compareOrdered,
  CURRENT_SCHEMA_VERSION,
  isValidId,
  lanesMap,
  linksMap,
  metaMap,
  personasMap,
  readBoardMeta,
  readCard,
  readLanes,
  readLinks,
  readPersonas,
  readStages,
  stagesMap,
  type Board,
  type BoardId,
  type Card,
  type RecordMap,
} from '@rejse/shared';
import * as Y from 'yjs';

/** What the updates since the last read touched. */
interface Pending {
  meta: boolean;
  /** Stages or lanes (few: they are re-read whole). */
  axes: boolean;
  personas: boolean;
  links: boolean;
  /** Debtor scenarios (cards' scenario fields are read against them) and cadence rules. */
  scenarios: boolean;
  rules: boolean;
  /** Card ids whose record was added, changed or deleted. */
  cards: Set<string>;
  allCards: boolean;
}

const nothingPending = (): Pending => ({
  meta: false,
  axes: false,
  personas: false,
  links: false,
  scenarios: false,
  rules: false,
  cards: new Set(),
  allCards: false,
});

/**
 * The Y.Doc bound to plain records: the board as `docToBoard` reads it, kept up to date by
 * re-reading only the records an update touched (with the shared reader's per-record
 * functions, so a damaged field becomes its default exactly as there). A record that did
 * not change keeps its object, and so do the arrays and the board when nothing in them
 * changed, so everything above can cache per record and compare by identity.
 *
 * Reading is lazy: updates only note what they touched; `getBoard` applies it.
 */
export class BoardBinding {
  private board: Board;
  private readonly cards = new Map<string, Card>();
  /** Each card's place in `board.cards`, so a card changed in place is replaced without a walk. */
  private places = new Map<string, number>();
  private scenarioIds: ReadonlySet<string> = new Set();
  private personaIds: ReadonlySet<string> = new Set();
  private pending: Pending = {
    ...nothingPending(),
    meta: true,
    axes: true,
    personas: true,
    links: true,
    scenarios: true,
    rules: true,
    allCards: true,
  };
  private readonly cleanups: Array<() => void> = [];

  constructor(
    private readonly doc: Y.Doc,
    private readonly boardId: BoardId,
  ) {
    this.board = {
      id: boardId,
      title: '',
      schemaVersion: CURRENT_SCHEMA_VERSION,
      locale: '',
      currency: 'EUR',
      personas: [],
      activePersonaId: null,
      stages: [],
      lanes: [],
      cards: [],
      links: [],
      scenarios: [],
      cadenceRules: [],
    };
    type Events = Array<Y.YEvent<Y.AbstractType<unknown>>>;
    const watch = (type: Pick<Y.AbstractType<unknown>, 'observeDeep' | 'unobserveDeep'>, note: (events: Events) => void) => {
      type.observeDeep(note);
      this.cleanups.push(() => type.unobserveDeep(note));
    };
    watch(metaMap(doc), () => (this.pending.meta = true));
    watch(stagesMap(doc), () => (this.pending.axes = true));
    watch(lanesMap(doc), () => (this.pending.axes = true));
    watch(personasMap(doc), () => (this.pending.personas = true));
    watch(linksMap(doc), () => (this.pending.links = true));
    watch(scenariosMap(doc), () => (this.pending.scenarios = true));
    watch(cadenceRulesMap(doc), () => (this.pending.rules = true));
    const cards = cardsMap(doc);
    watch(cards, (events) => {
      for (const event of events) {
        if (event.target === (cards as unknown) && event instanceof Y.YMapEvent) {
          for (const id of event.keysChanged) if (typeof id === 'string') this.pending.cards.add(id);
        } else {
          // A change inside a card record: the first step of its path is the card's id.
          const id = event.path[0];
          if (typeof id === 'string') this.pending.cards.add(id);
          else this.pending.allCards = true;
        }
      }
    });
    this.getBoard();
  }

  /** The board as plain data; the same object until an update changes something in it. */
  getBoard = (): Board => {
    const p = this.pending;
    if (!p.meta && !p.axes && !p.personas && !p.links && !p.scenarios && !p.rules && !p.allCards && p.cards.size === 0) {
      return this.board;
    }
    this.pending = nothingPending();
    const before = this.board;
    const doc = this.doc;

    let { stages, lanes, personas } = before;
    let allCards = p.allCards;
    let resort = false;
    if (p.axes) {
      stages = keepSame(stages, readStages(doc));
      lanes = keepSame(lanes, readLanes(doc));
      if (stages !== before.stages || lanes !== before.lanes) {
        // A card's place falls back to the first stage/lane when its own is gone; re-read them all.
        if (!sameIds(stages, before.stages) || !sameIds(lanes, before.lanes)) allCards = true;
        resort = true;
      }
    }
    if (p.personas) {
      personas = keepSame(personas, readPersonas(doc));
      // Cards keep only the personas that exist (their per-persona emotions): as for scenarios.
      if (!sameIds(personas, before.personas)) allCards = true;
    }
    this.personaIds = new Set(personas.map((persona) => persona.id));
    let { scenarios, cadenceRules } = before;
    if (p.scenarios) {
      scenarios = keepSame(scenarios, readScenarios(doc));
      // Cards keep only the scenarios that exist: a change of the set re-reads every card.
      if (!sameIds(scenarios, before.scenarios)) allCards = true;
    }
    if (p.rules) cadenceRules = keepSame(cadenceRules, readCadenceRules(doc));
    this.scenarioIds = new Set(scenarios.map((s) => s.id));

    const { cards, membership, inPlace } = this.readCards(stages, lanes, allCards ? null : p.cards, before.cards, resort);
    const links = p.links || membership ? keepSame(before.links, readLinks(doc, new Set(this.cards.keys()))) : before.links;
    const meta = p.meta || p.personas ? readBoardMeta(doc, personas) : before;

    const changed =
      stages !== before.stages ||
      lanes !== before.lanes ||
      personas !== before.personas ||
      cards !== before.cards ||
      links !== before.links ||
      scenarios !== before.scenarios ||
      cadenceRules !== before.cadenceRules ||
      meta.title !== before.title ||
      meta.locale !== before.locale ||
      meta.currency !== before.currency ||
      meta.activePersonaId !== before.activePersonaId ||
      !sameNames(meta.customChannels, before.customChannels);
    if (changed) {
      this.board = {
        id: this.boardId,
        title: meta.title,
        schemaVersion: CURRENT_SCHEMA_VERSION,
        locale: meta.locale,
        currency: meta.currency,
        // The old array while the names are the same, so pickers reading it do not re-render.
        ...(meta.customChannels
          ? { customChannels: sameNames(meta.customChannels, before.customChannels) ? before.customChannels : meta.customChannels }
          : {}),
        personas,
        activePersonaId: meta.activePersonaId,
        stages,
        lanes,
        cards,
        links,
        scenarios,
        cadenceRules,
      };
      noteCardChange(this.board, before, cards === before.cards ? NO_CARDS : inPlace);
    }
    return this.board;
  };

  destroy(): void {
    for (const cleanup of this.cleanups) cleanup();
    this.cards.clear();
  }

  /**
   * Re-reads the given card records (all of them when `ids` is null). The card list is
   * sorted again only when a card came, went or changed place; otherwise changed cards
   * replace their old objects where they stand.
   */
  private readCards(
    stages: Board['stages'],
    lanes: Board['lanes'],
    ids: ReadonlySet<string> | null,
    previous: readonly Card[],
    resort: boolean,
  ): { cards: Card[]; membership: boolean; inPlace: ReadonlySet<string> | null } {
    const map = cardsMap(this.doc);
    const firstStage = stages[0]?.id;
    const firstLane = lanes[0]?.id;
    const stageIds = new Set<string>(stages.map((s) => s.id));
    const laneIds = new Set<string>(lanes.map((l) => l.id));
    let membership = false;
    let moved = resort;
    const replaced = new Map<string, Card>();

    const readOne = (id: string, record: RecordMap | undefined): void => {
      const old = this.cards.get(id);
      const valid = isValidId(id) && record && typeof record.get === 'function' && firstStage && firstLane;
      if (!valid) {
        if (old) {
          this.cards.delete(id);
          membership = true;
        }
        return;
      }
      const next = readCard(id, record, stageIds, laneIds, firstStage, firstLane);
      keepKnownScenarios(next, this.scenarioIds);
      keepKnownPersonas(next, this.personaIds);
      if (old && sameCard(old, next)) return;
      this.cards.set(id, next);
      if (!old) membership = true;
      else if (old.stageId !== next.stageId || old.laneId !== next.laneId || old.order !== next.order) moved = true;
      else replaced.set(id, next);
    };

    if (ids === null) {
      const present = new Set<string>();
      map.forEach((record, id) => {
        present.add(id);
        readOne(id, record);
      });
      for (const id of [...this.cards.keys()]) if (!present.has(id)) readOne(id, undefined);
    } else {
      for (const id of ids) readOne(id, map.get(id));
    }

    if (membership || moved) {
      const stageIndex = new Map<string, number>(stages.map((s, i) => [s.id, i]));
      const laneIndex = new Map<string, number>(lanes.map((l, i) => [l.id, i]));
      const cards = [...this.cards.values()].sort(
        (a, b) =>
          (stageIndex.get(a.stageId) ?? 0) - (stageIndex.get(b.stageId) ?? 0) ||
          (laneIndex.get(a.laneId) ?? 0) - (laneIndex.get(b.laneId) ?? 0) ||
          compareOrdered(a, b),
      );
      if (sameItems(cards, previous)) return { cards: previous as Card[], membership, inPlace: NO_CARDS };
      this.places = new Map(cards.map((card, i) => [card.id, i]));
      return { cards, membership, inPlace: null };
    }
    if (replaced.size === 0) return { cards: previous as Card[], membership, inPlace: NO_CARDS };
    // The same cards in the same places: copy the list and replace the changed ones where they stand.
    const cards = previous.slice();
    for (const [id, card] of replaced) {
      const place = this.places.get(id);
      if (place === undefined || cards[place]?.id !== id)
        return { cards: previous.map((c) => replaced.get(c.id) ?? c), membership, inPlace: null };
      cards[place] = card;
    }
    return { cards, membership, inPlace: new Set(replaced.keys()) };
  }
}

const NO_CARDS: ReadonlySet<string> = new Set();

/**
 * How a board's card list differs from the one before it: the same cards in the same places
 * except the ids of `cards` (new objects: edited in place), or null when cards came, went or
 * moved. Kept for the last few boards only (KEPT_STEPS), so old boards are not held.
 */
interface CardChange {
  previous: CardList;
  cards: ReadonlySet<string> | null;
}

/** A board, or what was made from one (the layout's input is the board). */
type CardList = { readonly cards: readonly unknown[] };

const cardChanges = new WeakMap<CardList, CardChange>();
const KEPT_STEPS = 8;

/**
 * Notes that `next` follows `previous` with only the cards of `changed` replaced in place
 * (null: the card list changed otherwise). Given by the binding, and by whoever makes a board
 * from boards it has (the map's board with this person's private cards).
 */
export function noteCardChange(next: Board, previous: Board, changed: ReadonlySet<string> | null): void {
  if (next === previous) return;
  cardChanges.set(next, { previous, cards: changed });
  // Cut the chain KEPT_STEPS back, so a board does not keep every board before it alive.
  let board: CardList = previous;
  for (let step = 1; step < KEPT_STEPS; step += 1) {
    const change = cardChanges.get(board);
    if (!change) return;
    board = change.previous;
  }
  cardChanges.delete(board);
}

/**
 * The ids of the cards that may differ between `known` (a board derived from before) and
 * `board`, when `board.cards` holds the same ids in the same places as `known.cards`; null
 * when that is not known: the caller walks all the cards then.
 */
export function cardsChangedSince(board: CardList, known: CardList | null): ReadonlySet<string> | null {
  if (!known) return null;
  if (board === known || board.cards === known.cards) return NO_CARDS;
  let changed: Set<string> | null = null;
  let at = board;
  for (let step = 0; step < KEPT_STEPS; step += 1) {
    const change = cardChanges.get(at);
    if (!change?.cards) return null;
    if (change.previous === known) {
      if (!changed) return change.cards;
      for (const id of change.cards) changed.add(id);
      return changed;
    }
    changed ??= new Set();
    for (const id of change.cards) changed.add(id);
    at = change.previous;
  }
  return null;
}

type Plain = Readonly<Record<string, unknown>>;

const isPlainObject = (value: unknown): value is Plain => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Equal fields, one level of nested objects deep (a card's figures). */
function sameFields(a: Plain, b: Plain, depth = 1): boolean {
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  for (const key of keys) {
    const x = a[key];
    const y = b[key];
    if (Object.is(x, y)) continue;
    if (depth > 0 && isPlainObject(x) && isPlainObject(y) && sameFields(x, y, depth - 1)) continue;
    return false;
  }
  return true;
}

const sameCard = (a: Card, b: Card): boolean => sameFields(a as unknown as Plain, b as unknown as Plain);

const sameItems = <T>(a: readonly T[], b: readonly T[]): boolean => a.length === b.length && a.every((item, i) => item === b[i]);

const sameIds = (a: readonly { id: string }[], b: readonly { id: string }[]): boolean =>
  a.length === b.length && a.every((item, i) => item.id === b[i]?.id);

/**
 * `next`, with each item equal to the previous item of the same id replaced by that
 * previous object; the previous array itself when every item is kept in the same place.
 */
function keepSame<T extends { id: string }>(previous: readonly T[], next: T[]): T[] {
  const byId = new Map(previous.map((item) => [item.id, item]));
  const kept = next.map((item) => {
    const old = byId.get(item.id);
    return old && sameFields(old as unknown as Plain, item as unknown as Plain) ? old : item;
  });
  return sameItems(kept, previous) ? (previous as T[]) : kept;
}

/** Two lists of the board's own channels hold the same names in the same order (absent = none). */
function sameNames(a: readonly string[] | undefined, b: readonly string[] | undefined): boolean {
  const x = a ?? [];
  const y = b ?? [];
  return x.length === y.length && x.every((name, i) => name === y[i]);
}
