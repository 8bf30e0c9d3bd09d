/**
 * The business case in the exported action list, over HTTP from a real server: on a fresh
 * collection-letters board, every action whose touchpoints have figures carries a value a
 * year, the one without them carries none, and the last line is the total of the top 12.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { figureSource, rankActions, type Board, type Card } from '@rejse/shared';
import { parseCsv } from '@rejse/shared/testing';
import { boardFetch, createBoard, startServer, type CreatedBoard, type RunningServer } from '../helpers/server.ts';

let server: RunningServer;
let board: CreatedBoard;
let plain: Board;

beforeAll(async () => {
  server = await startServer();
  board = await createBoard(server, { title: 'Collection letters', template: 'collection-letters' });
  plain = (await (await boardFetch(server, `/api/boards/${board.id}`)).json()) as Board;
});

afterAll(async () => {
  await server?.stop();
});

/** Each effect's touchpoint carries the figures its kind needs (a yearly volume and a cost per contact). */
function touchpointsHaveFigures(idea: Card): boolean {
  const source = figureSource(plain);
  return (idea.effects ?? []).every((effect) => {
    if (effect.kind === 'customers-kept') return true;
    const metrics = source.touchpoint(effect.touchpointId)?.metrics;
    return metrics?.yearlyVolume !== undefined && metrics.costPerContact !== undefined;
  });
}

async function csvOf(query: string): Promise<string[][]> {
  const res = await boardFetch(server, `/api/boards/${board.id}/actions.csv${query}`);
  expect(res.status).toBe(200);
  return parseCsv((await res.text()).replace(/^\uFEFF/, ''), ',');
}

describe('the collection-letters action list CSV', () => {
  it('carries a value for each action whose touchpoints have figures, and the total of the top 12', async () => {
    const [header, ...lines] = await csvOf('');
    const at = (name: string) => header!.indexOf(name);
    expect(at('Value a year')).toBeGreaterThan(0);
    const total = lines.at(-1)!;
    const actions = lines.slice(0, -1);
    expect(actions).toHaveLength(12);

    const ideas = plain.cards.filter((c) => c.kind === 'idea');
    let valued = 0;
    let sum = 0;
    for (const line of actions) {
      const idea = ideas.find((c) => c.text === line[at('Action')]);
      expect(idea, line[at('Action')]).toBeDefined();
      const value = line[at('Value a year')] ?? '';
      if (touchpointsHaveFigures(idea!)) {
        expect(Number(value), idea!.text).toBeGreaterThan(0);
        expect(Number(line[at('Value, low')])).toBeLessThan(Number(value));
        expect(Number(line[at('Value, high')])).toBeGreaterThan(Number(value));
        valued += 1;
        sum += Number(value);
      } else {
        expect(value, idea!.text).toBe('');
      }
    }
    // Eleven of the twelve have figures; the agent-view idea lacks a yearly volume.
    expect(valued).toBe(11);
    expect(total[at('Action')]).toBe('Total of the top 12');
    expect(Number(total[at('Value a year')])).toBeCloseTo(sum, 2);
    // The same figures the shared arithmetic gives for the board the server holds.
    const expected = rankActions(plain, { by: 'manual' }).reduce((s, r) => s + (r.businessCase.value?.mid ?? 0), 0);
    expect(Number(total[at('Value a year')])).toBeCloseTo(expected, 2);
  });

  it('adds up only the top N when the list is cut, ranked by value', async () => {
    const [header, ...lines] = await csvOf('?top=3&by=value');
    const at = (name: string) => header!.indexOf(name);
    expect(lines).toHaveLength(4);
    const top = rankActions(plain, { by: 'value' }).slice(0, 3);
    expect(lines.slice(0, 3).map((l) => l[at('Action')])).toEqual(top.map((r) => r.card.text));
    expect(lines[3]?.[at('Action')]).toBe('Total of the top 3');
    expect(Number(lines[3]?.[at('Value a year')])).toBeCloseTo(
      top.reduce((s, r) => s + (r.businessCase.value?.mid ?? 0), 0),
      2,
    );
  });
});
