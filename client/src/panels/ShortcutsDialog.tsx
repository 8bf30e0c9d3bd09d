import { useT, type MessageKey } from '../i18n/index.ts';
import { Dialog } from '../ui/Dialog.tsx';
import { useEditorState, useEditorStore } from '../doc/BoardContext.tsx';

const isMac = (): boolean => /Mac|iPhone|iPad/.test(globalThis.navigator?.platform ?? '');

/** Keys as shown on this computer: "Ctrl" becomes "⌘" on a Mac, the space bar is named in the UI language. */
function keysFor(combo: string, mac: boolean, space: string): string[] {
  return combo.split('+').map((key) => (key === 'Mod' ? (mac ? '⌘' : 'Ctrl') : key === 'Space' ? space : key));
}

const GROUPS: { title: MessageKey; rows: { keys: string[]; label: MessageKey }[] }[] = [
  {
    title: 'shortcuts.cards',
    rows: [
      { keys: ['Enter'], label: 'shortcuts.edit' },
      { keys: ['Esc'], label: 'shortcuts.leave' },
      { keys: ['←', '→'], label: 'shortcuts.moveStage' },
      { keys: ['↑', '↓'], label: 'shortcuts.moveLane' },
      { keys: ['Delete'], label: 'shortcuts.delete' },
      { keys: ['Mod+D'], label: 'shortcuts.duplicate' },
      { keys: ['Mod+C', 'Mod+V'], label: 'shortcuts.copyPaste' },
      { keys: ['Mod+X'], label: 'shortcuts.cut' },
    ],
  },
  {
    title: 'shortcuts.selection',
    rows: [
      { keys: ['Shift'], label: 'shortcuts.addToSelection' },
      { keys: ['Shift'], label: 'shortcuts.boxSelect' },
      { keys: ['Mod+A'], label: 'shortcuts.selectAll' },
    ],
  },
  {
    // Below 20 % cards are drawn, not nodes: the far map is one Tab stop (canvas/useFarKeys.ts).
    title: 'shortcuts.farMap',
    rows: [
      { keys: ['←', '→', '↑', '↓'], label: 'shortcuts.farMove' },
      { keys: ['Home', 'End'], label: 'shortcuts.farFirstLast' },
      { keys: ['Enter', 'Space'], label: 'shortcuts.farSelect' },
      { keys: ['Z'], label: 'shortcuts.farZoom' },
    ],
  },
  {
    title: 'shortcuts.board',
    rows: [
      { keys: ['Mod+Z'], label: 'shortcuts.undo' },
      { keys: ['Mod+Shift+Z'], label: 'shortcuts.redo' },
      { keys: ['Mod+F', '/'], label: 'shortcuts.search' },
      { keys: ['?'], label: 'shortcuts.help' },
    ],
  },
];

/** The keyboard shortcuts of the editor, opened with "?" or from the toolbar. */
export function ShortcutsDialog() {
  const editorStore = useEditorStore();
  const open = useEditorState((s) => s.dialog === 'shortcuts');
  const t = useT();
  if (!open) return null;
  const mac = isMac();
  const close = () => editorStore.getState().openDialog(null);
  return (
    <Dialog
      title={t('shortcuts.title')}
      onClose={close}
      actions={
        <button type="button" className="button button--primary" data-autofocus onClick={close}>
          {t('shortcuts.close')}
        </button>
      }
    >
      <div className="shortcuts">
        {GROUPS.map((group) => (
          <section key={group.title} className="shortcuts__group">
            <h3 className="field__label">{t(group.title)}</h3>
            <dl className="shortcuts__list">
              {group.rows.map((row) => (
                <div key={row.label} className="shortcuts__row">
                  <dt>
                    {row.keys.map((combo, i) => (
                      <span key={combo} className="shortcuts__combo">
                        {i > 0 ? <span className="shortcuts__or">/</span> : null}
                        {keysFor(combo, mac, t('shortcuts.spaceKey')).map((key) => (
                          <kbd key={key}>{key === 'Shift' ? '⇧' : key}</kbd>
                        ))}
                      </span>
                    ))}
                  </dt>
                  <dd>{t(row.label)}</dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
      </div>
    </Dialog>
  );
}
