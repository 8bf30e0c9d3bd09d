import './editor.css';
import { PersonaDialog } from '../panels/PersonaDialog.tsx';
import { ShortcutsDialog } from '../panels/ShortcutsDialog.tsx';

/** The editor's dialogs (personas, keyboard shortcuts); each renders only while open. */
export function EditorLayer() {
  return (
    <>
      <PersonaDialog />
      <ShortcutsDialog />
    </>
  );
}
