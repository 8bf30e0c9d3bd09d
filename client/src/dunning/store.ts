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

/** Line colours for scenario curves, by position in the switcher (fixed values, never user input). */
export const SCENARIO_COLOURS = ['#2c64a6', '#b26b00', '#6b4fa0', '#ab3d36', '#2d8a57', '#00798c', '#8a6000', '#5c6b7a', '#c2185b', '#33691e', '#4e342e', '#283593'];
