import { describe, expect, it } from 'vitest';
import { silentLogger } from '../log.ts';
import { createMemoryStore } from '../storage/memory-store.ts';
import { DraftRooms } from '../sync/drafts.ts';
import { createLiveBoards } from '../sync/live-boards.ts';
import { RoomManager } from '../sync/rooms.ts';
import { createApp } from './app.ts';
import { DEFAULT_REPORT_LABELS } from './report-html.ts';
import { REPORT_LABELS_DA, REPORT_LABELS_SV, reportLabelsFor } from './report-labels.ts';

function setup() {
  const store = createMemoryStore();
  const rooms = new RoomManager(store.documents, { compactAfterUpdates: 500, touchIntervalMs: 1000, log: silentLogger });
  const live = createLiveBoards({ rooms, store, drafts: new DraftRooms(store, silentLogger), sync: () => null, log: silentLogger });
  let clock = Date.parse('2026-03-03T10:00:00Z');
  return createApp({
    store,
    boards: rooms,
    live,
    adminToken: 'admin-token-for-the-export-locale-01',
    health: () => ({ ...rooms.stats() }),
    clientDist: null,
    log: silentLogger,
    now: () => (clock += 1000),
  });
}

async function boardIn(app: ReturnType<typeof setup>, locale: string): Promise<{ id: string; auth: RequestInit }> {
  const res = await app.request('/api/boards', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ template: 'collection-letters', locale }),
  });
  const { id, token } = (await res.json()) as { id: string; token: string };
  return { id, auth: { headers: { authorization: `Bearer ${token}` } } };
}

const placeholders = (text: string): string => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort().join(',');

describe('exports in the board’s language', () => {
  it('the report words exist in Danish and Swedish with the same placeholders as in English', () => {
    for (const labels of [REPORT_LABELS_DA, REPORT_LABELS_SV]) {
      expect(Object.keys(labels).sort()).toEqual(Object.keys(DEFAULT_REPORT_LABELS).sort());
      for (const [key, text] of Object.entries(DEFAULT_REPORT_LABELS)) {
        expect(placeholders(labels[key as keyof typeof labels]), key).toBe(placeholders(text));
      }
    }
    expect(reportLabelsFor('da-DK')).toBe(REPORT_LABELS_DA);
    expect(reportLabelsFor('sv')).toBe(REPORT_LABELS_SV);
    expect(reportLabelsFor('de')).toBe(DEFAULT_REPORT_LABELS);
  });

  it('a Danish board’s CSV has Danish headers and ";" separators, its report and Markdown are Danish', async () => {
    const app = setup();
    const { id, auth } = await boardIn(app, 'da');
    const csv = await (await app.request(`/api/boards/${id}/actions.csv`, auth)).text();
    expect(csv.replace(/^\uFEFF/, '').split('\r\n')[0]).toMatch(/^Placering;Handling;Fase;/);
    const report = await (await app.request(`/api/boards/${id}/report.html`, auth)).text();
    expect(report).toContain('<html lang="da">');
    expect(report).toContain('Følelseskurve');
    expect(report).toContain('3. marts 2026');
    const md = await (await app.request(`/api/boards/${id}/board.md`, auth)).text();
    expect(md).toContain('### Kontaktpunkter');
  });

  it('a Swedish board’s exports are Swedish and an English board’s stay English', async () => {
    const app = setup();
    const sv = await boardIn(app, 'sv');
    const csv = await (await app.request(`/api/boards/${sv.id}/actions.csv`, sv.auth)).text();
    expect(csv.replace(/^\uFEFF/, '').split('\r\n')[0]).toMatch(/^Placering;Åtgärd;Fas;/);
    const report = await (await app.request(`/api/boards/${sv.id}/report.html`, sv.auth)).text();
    expect(report).toContain('Känslokurva');
    expect(report).toContain('3 mars 2026');
    const en = await boardIn(app, 'en');
    const enCsv = await (await app.request(`/api/boards/${en.id}/actions.csv`, en.auth)).text();
    expect(enCsv.replace(/^\uFEFF/, '').split('\r\n')[0]).toMatch(/^Rank,Action,Stage,/);
  });
});
