import { afterEach, beforeEach, expect, it } from 'vitest';
import { STORE_IMPLEMENTATIONS, describeContract, type StoreFixture } from './contract-fixtures.ts';
import type { StoredSnapshot } from './snapshots.ts';
import { UnknownBoardError } from './documents.ts';
import type { BoardStore } from './store.ts';

/** One contract, every implementation of the version history and the activity log (`contract-fixtures.ts`). */
const info = (id: string, createdAt: number, kind = 'manual'): Omit<StoredSnapshot, 'bytes'> => ({
  id,
  name: `Snapshot ${id}`,
  kind,
  createdAt,
  byRole: 'facilitator',
  byParticipant: null,
  changes: { added: 1, removed: 2, edited: 3 },
});

for (const implementation of STORE_IMPLEMENTATIONS) {
  describeContract(implementation, 'SnapshotStore and ActivityStore', () => {
    let fixture: StoreFixture;
    let store: BoardStore;
    beforeEach(() => {
      fixture = implementation.open();
      store = fixture.store;
      store.documents.create({ id: 'b1', title: 'B', createdAt: 1, updatedAt: 1 }, new Uint8Array([0, 0]));
      store.documents.create({ id: 'b2', title: 'B', createdAt: 1, updatedAt: 1 }, new Uint8Array([0, 0]));
    });
    afterEach(() => {
      store.close();
      fixture.cleanup();
    });

    it('keeps a snapshot with its state, its author and what changed, listed oldest first', () => {
      store.snapshots.addSnapshot('b1', info('h_2', 200), new Uint8Array([1, 2, 3]), 10);
      store.snapshots.addSnapshot('b1', info('h_1', 100), new Uint8Array([9]), 10);
      expect(store.snapshots.listSnapshots('b1').map((s) => s.id)).toEqual(['h_1', 'h_2']);
      expect(store.snapshots.getSnapshot('b1', 'h_2')).toEqual({ ...info('h_2', 200), bytes: 3 });
      expect([...(store.snapshots.snapshotState('b1', 'h_2') ?? [])]).toEqual([1, 2, 3]);
      expect(store.snapshots.listSnapshots('b2')).toEqual([]);
      expect(store.snapshots.getSnapshot('b2', 'h_2')).toBeUndefined();
      expect(store.snapshots.snapshotState('b2', 'h_2')).toBeUndefined();
    });

    it('refuses a snapshot of an unknown board', () => {
      expect(() => store.snapshots.addSnapshot('nope', info('h_1', 1), new Uint8Array([1]), 10)).toThrow(UnknownBoardError);
    });

    it('drops the oldest automatic snapshots first when past the retention, then the oldest named ones', () => {
      store.snapshots.addSnapshot('b1', info('h_a', 1, 'manual'), new Uint8Array([1]), 3);
      store.snapshots.addSnapshot('b1', info('h_b', 2, 'auto'), new Uint8Array([1]), 3);
      store.snapshots.addSnapshot('b1', info('h_c', 3, 'session'), new Uint8Array([1]), 3);
      expect(store.snapshots.addSnapshot('b1', info('h_d', 4, 'phase'), new Uint8Array([1]), 3)).toEqual(['h_b']);
      expect(store.snapshots.addSnapshot('b1', info('h_e', 5, 'manual'), new Uint8Array([1]), 3)).toEqual(['h_d']);
      expect(store.snapshots.addSnapshot('b1', info('h_f', 6, 'manual'), new Uint8Array([1]), 3)).toEqual(['h_a']);
      expect(store.snapshots.listSnapshots('b1').map((s) => s.id)).toEqual(['h_c', 'h_e', 'h_f']);
    });

    it('keeps the activity log newest first, from a moment on, bounded per board', () => {
      const entry = (at: number, targetId: string) => ({
        at,
        participantId: 'p'.repeat(16),
        role: 'editor',
        action: 'edited',
        targetKind: 'card',
        targetId,
        count: 2,
      });
      store.activity.appendActivity('b1', [entry(10, 'c_1'), entry(20, 'c_2'), entry(30, 'c_3')], 100);
      store.activity.appendActivity('b2', [entry(15, 'c_x')], 100);
      expect(store.activity.activitySince('b1', 20, 10).map((e) => e.targetId)).toEqual(['c_3', 'c_2']);
      expect(store.activity.activitySince('b1', 0, 1)).toEqual([entry(30, 'c_3')]);
      store.activity.appendActivity('b1', [entry(40, 'c_4')], 2);
      expect(store.activity.activitySince('b1', 0, 10).map((e) => e.targetId)).toEqual(['c_4', 'c_3']);
      expect(() => store.activity.appendActivity('nope', [entry(1, 'c')], 10)).toThrow(UnknownBoardError);
    });

    if (implementation.persistent) {
      it('keeps snapshots and activity across a restart', () => {
        store.snapshots.addSnapshot('b1', info('h_1', 1), new Uint8Array([5, 6]), 10);
        store.activity.appendActivity(
          'b1',
          [
            {
              at: 1,
              participantId: null,
              role: 'facilitator',
              action: 'added',
              targetKind: 'card',
              targetId: 'c_1',
              count: 1,
            },
          ],
          10,
        );
        store.close();
        store = fixture.reopen!();
        expect([...(store.snapshots.snapshotState('b1', 'h_1') ?? [])]).toEqual([5, 6]);
        expect(store.activity.activitySince('b1', 0, 10)).toHaveLength(1);
      });
    }
  });
}
