/**
 * The export endpoints against the real server: what a manager's script gets from
 * `GET /api/boards/:id/{actions.csv,actions.md,board.md,board.json,report.html}`.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  CURRENT_SCHEMA_VERSION,
  addCard,
  createParticipantIdentity,
  docToBoard,
  linkCards,
  PARTICIPANT_HEADER,
  PARTICIPANT_SECRET_HEADER,
  type Board,
  type CardId,
} from '@rejse/shared';
import {
  boardFetch,
  connectClient,
  createBoard,
  startServer,
  tokenOf,
  type ConnectedClient,
  type CreatedBoard,
  type RunningServer,
} from '../helpers/server.ts';
import { parseCsv } from '@rejse/shared/testing';

const POLL = { timeout: 15_000, interval: 50 };
const HOSTILE_FORMULA = '=HYPERLINK("http://evil.example","Click me")';
const HOSTILE_HTML = '<script>alert("owned")</script><img src=x onerror=alert(1)>';
const NORDIC = 'Påmindelse før inkasso — æøå ÆØÅ äö ÄÖ';

let server: RunningServer;
let board: CreatedBoard;
let client: ConnectedClient;
let ids: { formula: CardId; html: CardId; nordic: CardId };

const cellsOf = (line: string, sep: string): string[] => parseCsv(line, sep)[0] ?? [];

beforeAll(async () => {
  server = await startServer();
  board = await createBoard(server, { title: 'Collection letters', template: 'collection-letters' });
  client = connectClient(server, board.id);
  await client.synced;
  const plain = docToBoard(client.doc, board.id);
  const stage = plain.stages[1]!.id;
  const ideasLane = plain.lanes.find((l) => l.kind === 'ideas')!.id;
  const pain = plain.cards.find((c) => c.kind === 'pain')!;
  ids = {
    formula: addCard(client.doc, {
      stageId: stage,
      laneId: ideasLane,
      kind: 'idea',
      text: HOSTILE_FORMULA,
      owner: '+45 12 34 56 78',
      impact: 5,
      effort: 1,
    }),
    html: addCard(client.doc, {
      stageId: stage,
      laneId: ideasLane,
      kind: 'idea',
      text: HOSTILE_HTML,
      owner: '<b>Mallory</b>',
      impact: 5,
      effort: 1,
    }),
    nordic: addCard(client.doc, {
      stageId: stage,
      laneId: ideasLane,
      kind: 'idea',
      text: NORDIC,
      owner: 'Søren Ærø',
      impact: 4,
      effort: 2,
    }),
  };
  linkCards(client.doc, ids.nordic, pain.id);
  // The server has the edits once its own board shows them.
  await vi.waitFor(async () => {
    expect(((await (await boardFetch(server, `/api/boards/${board.id}`)).json()) as Board).cards.length).toBe(plain.cards.length + 3);
  }, POLL);
});

afterAll(async () => {
  client?.destroy();
  await server?.stop();
});

describe('action list CSV', () => {
  it('starts with a UTF-8 BOM, uses the board locale’s separator by default and names the file after the board', async () => {
    const res = await boardFetch(server, `/api/boards/${board.id}/actions.csv`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/);
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="collection-letters-actions-commas.csv"');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    const [header, ...rows] = parseCsv(text, ',');
    // The template's locale is English: comma-separated, decimal points.
    expect(header).toEqual([
      'Rank',
      'Action',
      'Stage',
      'Linked pain points',
      'Impact',
      'Effort',
      'Score',
      'Votes',
      'Owner',
      'Due date',
      'Status',
      'Quadrant',
      // The template's ideas state their effects, so the business case comes along.
      'Value a year',
      'Value, low',
      'Value, high',
      'Contacts avoided a year',
    ]);
    // The template's 12 ideas plus the 3 added, then the total of the top 12.
    expect(rows.length).toBeGreaterThanOrEqual(16);
    expect(rows.at(-1)?.[1]).toBe('Total of the top 12');
  });

  it('switches to semicolons with sep=; and refuses any other separator', async () => {
    const res = await boardFetch(server, `/api/boards/${board.id}/actions.csv?sep=${encodeURIComponent(';')}`);
    const text = (await res.text()).replace(/^\uFEFF/, '');
    expect(cellsOf(text.split('\r\n')[0]!, ';')).toHaveLength(16);
    // Named apart from the comma file, so downloading both keeps both.
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="collection-letters-actions-semicolons.csv"');
    expect((await boardFetch(server, `/api/boards/${board.id}/actions.csv?sep=x`)).status).toBe(400);
  });

  it('neutralises a formula in a card so a spreadsheet shows it as text, and keeps æøåäö intact', async () => {
    const text = await (await boardFetch(server, `/api/boards/${board.id}/actions.csv?sep=;`)).text();
    // Quoted because of the inner quotes, and prefixed with an apostrophe so it never runs.
    expect(text).toContain(`"'=HYPERLINK(""http://evil.example"",""Click me"")"`);
    expect(text).not.toMatch(/(^|;)"?=HYPERLINK/m);
    expect(text).toContain("'+45 12 34 56 78");
    expect(text).toContain(NORDIC);
    expect(text).toContain('Søren Ærø');
  });

  it('cuts the list at top=N when asked', async () => {
    const text = await (await boardFetch(server, `/api/boards/${board.id}/actions.csv?top=3`)).text();
    const rows = parseCsv(text.replace(/^\uFEFF/, ''), ',');
    // The header, three actions and the total of those three.
    expect(rows).toHaveLength(5);
    expect(rows[4]?.[1]).toBe('Total of the top 3');
  });
});

describe('Markdown exports', () => {
  it('writes the ranked action list with the cut line at the facilitator’s top N', async () => {
    const res = await boardFetch(server, `/api/boards/${board.id}/actions.md`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="collection-letters-actions.md"');
    const md = await res.text();
    expect(md.split('\n')[0]).toBe('# Collection letters');
    expect(md).toContain('### Top 12');
    expect(md).toContain('### Below the line');
    expect(md).toContain('| Rank | Action | Stage |');
    // Hostile HTML is escaped, never markup.
    expect(md).not.toContain('<script>');
    expect(md).toContain('\\<script\\>');
  });

  it('writes the whole map stage by stage', async () => {
    const res = await boardFetch(server, `/api/boards/${board.id}/board.md`);
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="collection-letters-board.md"');
    const md = await res.text();
    const json = (await (await boardFetch(server, `/api/boards/${board.id}/board.json`)).json()) as Board;
    const stageHeadings = md.split('\n').filter((l) => l.startsWith('## '));
    // One section per stage, then the dunning journey's time view and cadence.
    expect(stageHeadings).toEqual([...json.stages.map((s) => `## ${s.title}`), '## Time, cadence and debtor scenarios']);
    expect(md).toContain('- Collection letter from the credit-management firm — D+40');
    expect(md).toMatch(/Vulnerable customer reaches “Collection letter from the credit-management firm” \(D\+40\)/);
    expect(md).toContain('### Touchpoints');
    expect(md).toContain('### Pain points');
    expect(md).toContain(NORDIC);
  });
});

describe('board JSON', () => {
  it('is the plain, schema-valid board with a file name from its title', async () => {
    const res = await boardFetch(server, `/api/boards/${board.id}/board.json`);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="collection-letters.json"');
    const json = (await res.json()) as Board;
    expect(json.id).toBe(board.id);
    expect(json.schemaVersion).toBe(CURRENT_SCHEMA_VERSION);
    // The dunning journey: each touchpoint's day relative to the due date (`dayOffset`) and the board's scenarios.
    expect(json.scenarios.map((s) => s.outcome)).toEqual(['paid', 'payment-plan', 'paid', 'collection', 'payment-plan']);
    const days = Object.fromEntries(json.cards.filter((c) => c.kind === 'touchpoint').map((c) => [c.text, c.dayOffset]));
    expect(days).toMatchObject({
      'Invoice from the creditor': -14,
      'First reminder with a reminder fee': 14,
      'Collection letter from the credit-management firm': 40,
    });
    expect(json.cards.find((c) => c.id === ids.nordic)?.text).toBe(NORDIC);
  });
});

describe('HTML report', () => {
  it('escapes a hostile card text and owner everywhere, so no script or tag gets in', async () => {
    const res = await boardFetch(server, `/api/boards/${board.id}/report.html`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('inline; filename="collection-letters-report.html"');
    const html = await res.text();
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<b>Mallory');
    expect(html).toContain('&lt;script&gt;alert(&quot;owned&quot;)&lt;/script&gt;');
    expect(html).toContain('&lt;b&gt;Mallory&lt;/b&gt;');
    expect(html).toContain(NORDIC);
  });

  it('has the title, the emotion curve as an SVG chart, the top-N actions and the pains by stage', async () => {
    const html = await (await boardFetch(server, `/api/boards/${board.id}/report.html?top=5`)).text();
    expect(html).toContain('<h1>Collection letters</h1>');
    expect(html).toMatch(/<svg class="chart"[^>]*>/);
    expect(html).toMatch(/<path class="curve" d="M[0-9. ML]+"/);
    expect(html).toContain('Top 5 actions');
    const body = /<table class="actions">[\s\S]*?<tbody>([\s\S]*?)<\/tbody>/.exec(html)?.[1] ?? '';
    expect(body.match(/<tr>/g)).toHaveLength(5);
    // The dunning journey: the collection letter at its day, one curve per debtor scenario.
    expect(html).toContain('<h2>Time, cadence and debtor scenarios</h2>');
    expect(html).toMatch(/<span class="day">D\+40<\/span> Collection letter from the credit-management firm/);
    expect(html.match(/<g class="scenario-curve"/g)).toHaveLength(5);
    expect(html).toContain('Pain points by stage');
    expect(html).toContain('@media print');
  });
});

describe('who may export', () => {
  const paths = ['actions.csv', 'actions.md', 'board.md', 'board.json', 'report.html'];

  it('lets a viewer’s and an editor’s link export everything', async () => {
    for (const role of ['viewer', 'editor'] as const) {
      for (const path of paths) {
        const res = await boardFetch(server, `/api/boards/${board.id}/${path}`, { token: tokenOf(board.links[role]) });
        expect(res.status, `${role} ${path}`).toBe(200);
      }
    }
  });

  it('answers 401 without a token or with a wrong one, and 404 for an unknown board', async () => {
    for (const path of paths) {
      expect((await boardFetch(server, `/api/boards/${board.id}/${path}`, { token: null })).status, path).toBe(401);
      const wrong = 'x'.repeat(32);
      expect((await boardFetch(server, `/api/boards/${board.id}/${path}`, { token: wrong })).status, path).toBe(401);
    }
    expect((await boardFetch(server, `/api/boards/no_such_board/actions.csv`, { token: null })).status).toBe(404);
  });
});

describe('votes from voting rounds', () => {
  it('count in the Votes column and lift the voted idea’s score', async () => {
    const before = await (await boardFetch(server, `/api/boards/${board.id}/actions.csv?by=votes`)).text();
    const round = (await (
      await boardFetch(server, `/api/boards/${board.id}/votes/rounds`, {
        method: 'POST',
        body: JSON.stringify({ target: 'ideas', votesPerPerson: 3 }),
      })
    ).json()) as { id: string };
    for (let i = 0; i < 2; i++) {
      const me = createParticipantIdentity();
      const res = await boardFetch(server, `/api/boards/${board.id}/votes/rounds/${round.id}/votes`, {
        method: 'POST',
        headers: { [PARTICIPANT_HEADER]: me.id, [PARTICIPANT_SECRET_HEADER]: me.secret },
        body: JSON.stringify({ cardId: ids.nordic, delta: 1 }),
      });
      expect(res.status).toBe(200);
    }
    expect((await boardFetch(server, `/api/boards/${board.id}/votes/rounds/${round.id}/close`, { method: 'POST' })).status).toBe(200);
    const after = await (await boardFetch(server, `/api/boards/${board.id}/actions.csv?by=votes`)).text();
    const rows = (text: string) => parseCsv(text.replace(/^\uFEFF/, ''), ',');
    expect(rows(after)[1]?.[1]).toBe(NORDIC);
    expect(rows(after)[1]?.[7]).toBe('2');
    const scoreOf = (text: string) => Number(rows(text).find((cells) => cells[1] === NORDIC)?.[6]);
    expect(scoreOf(after)).toBeGreaterThan(scoreOf(before));
  });
});
