import { useSyncExternalStore } from 'react';
import { createExternalStore } from '../doc/externalStore.ts';

/** Which tab of the series panel is open (local UI: never in the document). */
export const SERIES_TABS = ['runsheet', 'history', 'comments', 'activity'] as const;
export type SeriesTab = (typeof SERIES_TABS)[number];

const panel = createExternalStore<SeriesTab | null>(null);

export const openSeriesTab = (tab: SeriesTab | null): void => panel.set(tab);
export const useSeriesTab = (): SeriesTab | null => useSyncExternalStore(panel.subscribe, panel.get);
