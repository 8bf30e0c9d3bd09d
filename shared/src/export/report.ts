/**
 * The workshop report as plain data: the HTML report and the UI's summary render the same
 * model, so they never disagree. No markup and no translated words here; the renderer
 * formats and labels.
 */
import type { CardId, StageId } from '../ids.ts';
import { emotionCurve, type EmotionPoint } from '../emotion.ts';
import type { Board } from '../schema/board.ts';
import type { ActionStatus } from '../schema/card.ts';
import type { Persona } from '../schema/persona.ts';
import type { Quadrant } from '../prioritize/matrix.ts';
import { painLinks, stageSeverities, type PainSeverity } from '../prioritize/pains.ts';
import { DEFAULT_TOP_N, rankActions, statusOf, topN as cut, type RankBy, type VoteCounts } from '../prioritize/rank.ts';
import type { ValueRange } from '../business/value.ts';
import type { BusinessText } from '../business/text.ts';
import { dayOf, formatDay, safeLocale } from '../i18n/index.ts';
import { boardHasEffects, topTotal, type TopTotal } from './value-columns.ts';
import { dunningSummary, type DunningSummary } from './dunning.ts';
import { personaOf } from './persona.ts';

export interface ReportOptions {
  votes?: VoteCounts;
  /** How many actions make the to-do list; default 12. */
  topN?: number;
  /** Names of the people who took part. */
  participants?: readonly string[];
  generatedAt: Date;
  /** The time zone the report's date is counted in; default UTC. */
  timeZone?: string;
  /** Default 'manual': the facilitator's order, which is the score order until someone drags. */
  by?: RankBy;
}

export interface ReportCardRef {
  id: CardId;
  text: string;
}

export interface ReportPain extends ReportCardRef {
  severity: PainSeverity;
  /** Ideas linked to this pain, dropped ones left out. */
  addressedBy: ReportCardRef[];
}

export interface ReportAction {
  rank: number;
  id: CardId;
  text: string;
  stageId: StageId;
  stageTitle: string;
  owner: string | null;
  dueDate: string | null;
  status: ActionStatus;
  impact: number | null;
  effort: number | null;
  quadrant: Quadrant | null;
  score: number;
  /** Impact or effort was not set, so the score assumed the middle. */
  incomplete: boolean;
  votes: number;
  linkedPains: Array<ReportCardRef & { severity: PainSeverity }>;
  /** Money a year with its range, from the board's figures; null when it cannot be valued. */
  value: ValueRange | null;
  contactsAvoided: number | null;
  /** The arithmetic and the figures still missing, as message data (see `renderBusinessText`). */
  valueFormula: BusinessText[];
  valueMissing: BusinessText[];
}

export interface ReportCurvePoint extends EmotionPoint {
  stageTitle: string;
}

export interface ReportModel {
  title: string;
  locale: string;
  currency: Board['currency'];
  /** The instant the report was made, ISO 8601. */
  generatedAt: string;
  /** Its calendar day (YYYY-MM-DD) in the report's time zone. */
  date: string;
  /** The same day written the board locale's way. */
  dateText: string;
  persona: Persona | null;
  participants: string[];
  emotionCurve: ReportCurvePoint[];
  /** The dunning journey: days per stage and touchpoint, contacts per week, warnings, scenario curves (null: none on the board). */
  dunning: DunningSummary | null;
  /** Stages that have pain points, left to right. */
  painsByStage: Array<{ stageId: StageId; stageTitle: string; pains: ReportPain[] }>;
  topN: number;
  /** The to-do list: the first `topN` ranked actions. */
  actions: ReportAction[];
  /** Ranked actions below the cut line. */
  belowLine: number;
  /** Whether any idea states an effect (the report then shows values). */
  hasValues: boolean;
  /** The total value of the to-do list (the top N). */
  topTotal: TopTotal;
  counts: {
    stages: number;
    touchpoints: number;
    pains: number;
    /** Pains no (non-dropped) idea is linked to. */
    painsWithoutAction: number;
    ideas: number;
    /** Ideas still on the list (not dropped). */
    actions: number;
    dropped: number;
    votes: number;
    participants: number;
  };
}

export function reportModel(board: Board, options: ReportOptions): ReportModel {
  const locale = safeLocale(board.locale);
  const n = options.topN ?? DEFAULT_TOP_N;
  const severities = stageSeverities(board);
  const severityOf = (stageId: StageId): PainSeverity => severities.get(stageId) ?? 1;
  const { ideasOfPain } = painLinks(board);
  const rows = rankActions(board, { by: options.by ?? 'manual', votes: options.votes });
  const { top, rest } = cut(rows, n);
  const stageTitle = new Map(board.stages.map((s) => [s.id, s.title]));
  const ref = (card: { id: CardId; text: string }): ReportCardRef => ({ id: card.id, text: card.text });

  const pains = board.cards.filter((c) => c.kind === 'pain');
  const painsByStage = board.stages
    .map((stage) => ({
      stageId: stage.id,
      stageTitle: stage.title,
      pains: pains
        .filter((p) => p.stageId === stage.id)
        .map((p) => ({
          ...ref(p),
          severity: severityOf(p.stageId),
          addressedBy: (ideasOfPain.get(p.id) ?? []).filter((i) => statusOf(i) !== 'dropped').map(ref),
        })),
    }))
    .filter((group) => group.pains.length > 0);

  const ideas = board.cards.filter((c) => c.kind === 'idea');
  const dropped = ideas.filter((c) => statusOf(c) === 'dropped').length;
  const day = dayOf(options.generatedAt, options.timeZone);
  const participants = [...(options.participants ?? [])];

  return {
    title: board.title,
    locale,
    currency: board.currency,
    generatedAt: options.generatedAt.toISOString(),
    date: day,
    dateText: formatDay(day, locale, 'long'),
    persona: personaOf(board),
    participants,
    emotionCurve: emotionCurve(board).map((point) => ({ ...point, stageTitle: stageTitle.get(point.stageId) ?? '' })),
    dunning: dunningSummary(board),
    painsByStage,
    topN: n,
    actions: top.map((row) => ({
      rank: row.rank,
      id: row.card.id,
      text: row.card.text,
      stageId: row.stage.id,
      stageTitle: row.stage.title,
      owner: row.card.owner ?? null,
      dueDate: row.card.dueDate ?? null,
      status: row.status,
      impact: row.card.impact ?? null,
      effort: row.card.effort ?? null,
      quadrant: row.quadrant,
      score: row.score,
      incomplete: row.breakdown.incomplete,
      votes: row.votes,
      linkedPains: row.linkedPains.map((p) => ({ ...ref(p), severity: severityOf(p.stageId) })),
      value: row.businessCase.value,
      contactsAvoided: row.businessCase.contactsAvoided,
      valueFormula: row.businessCase.formula,
      valueMissing: row.businessCase.missing,
    })),
    belowLine: rest.length,
    hasValues: boardHasEffects(board),
    topTotal: topTotal(top, top.length),
    counts: {
      stages: board.stages.length,
      touchpoints: board.cards.filter((c) => c.kind === 'touchpoint').length,
      pains: pains.length,
      painsWithoutAction: painsByStage.reduce((sum, g) => sum + g.pains.filter((p) => p.addressedBy.length === 0).length, 0),
      ideas: ideas.length,
      actions: ideas.length - dropped,
      dropped,
      votes: rows.reduce((sum, row) => sum + row.votes, 0),
      participants: participants.length,
    },
  };
}
