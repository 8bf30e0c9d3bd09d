import type { SnapshotInfo } from '@rejse/shared';
import type { Translate } from '../i18n/index.ts';

/**
 * What a version is called in the UI: its own name, in the reader's language for the ones the
 * server makes itself ("Before restoring …" carries the restored version's name only).
 */
export function snapshotLabel(t: Translate, snapshot: Pick<SnapshotInfo, 'name' | 'kind'>): string {
  if (snapshot.kind === 'restore' && snapshot.name) return t('series.history.beforeRestore', { name: snapshot.name });
  return snapshot.name || t(`series.history.kind.${snapshot.kind}`);
}
