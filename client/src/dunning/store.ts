import { create } from 'zustand';

/**
 * Local UI state of the time view (never in the document): which debtor scenario is shown
 * (null: every scenario overlaid) and whether the scenario-and-rules settings are open.
 */
interface DunningUiState {
  scenarioId: string | null;
  settingsOpen: boolean;
  setScenario(id: string | null): void;
  setSettingsOpen(open: boolean): void;
}

export const useDunningUi = create<DunningUiState>((set) => ({
  scenarioId: null,
  settingsOpen: false,
  setScenario: (scenarioId) => set({ scenarioId }),
  setSettingsOpen: (settingsOpen) => set({ settingsOpen }),
}));

/** Line colours for scenario curves, by position in the switcher: the report's, from shared. */
export { SCENARIO_COLOURS } from '@rejse/shared';
