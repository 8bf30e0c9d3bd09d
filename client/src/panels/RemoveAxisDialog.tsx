import { countCardsIn } from '@rejse/shared';
import { useEffect, useId, useState } from 'react';
import type { RemoveRequest } from '../doc/boardUi.ts';
import { useBoard, useBoardUi, useBoardUiStore, useCommands, useSession } from '../doc/BoardContext.tsx';
import { useT } from '../i18n/index.ts';
import { Dialog } from '../ui/Dialog.tsx';

/** Shown when a stage or lane that holds cards is removed: move them to a neighbour, or delete them. */
export function RemoveAxisDialog() {
  const request = useBoardUi((s) => s.removeRequest);
  if (!request) return null;
  return <RemoveAxisDialogOpen key={`${request.axis}:${request.id}`} request={request} />;
}

function RemoveAxisDialogOpen({ request }: { request: RemoveRequest }) {
  const uiStore = useBoardUiStore();
  const t = useT();
  const session = useSession();
  const commands = useCommands();
  const close = () => uiStore.getState().requestRemove(null);
  const items = useBoard((b) => (request.axis === 'stage' ? b.stages : b.lanes));
  const index = items.findIndex((item) => item.id === request.id);
  const item = items[index];
  const others = items.filter((other) => other.id !== request.id);
  const neighbour = items[index - 1] ?? items[index + 1];
  const [choice, setChoice] = useState<'move' | 'delete'>('move');
  const [target, setTarget] = useState<string>(neighbour?.id ?? '');
  const groupName = useId();
  const count = countCardsIn(session.doc, request.axis, request.id);

  useEffect(() => {
    // Removed meanwhile by someone else: nothing left to ask.
    if (!item) uiStore.getState().requestRemove(null);
  }, [item, uiStore]);

  if (!item) return null;
  const shown = item.title || t(request.axis === 'stage' ? 'stage.new' : 'lane.new');

  const confirm = () => {
    const disposition = choice === 'move' && target ? ({ cards: 'move', to: target } as const) : ({ cards: 'delete' } as const);
    const removed = request.axis === 'stage' ? commands.removeStage(request.id, disposition) : commands.removeLane(request.id, disposition);
    if (removed) close();
  };

  return (
    <Dialog
      title={t('remove.title', { axis: request.axis, title: shown })}
      onClose={close}
      actions={
        <>
          <button type="button" className="button" onClick={close}>
            {t('common.cancel')}
          </button>
          <button type="button" className="button button--danger" onClick={confirm}>
            {t('remove.confirm', { axis: request.axis })}
          </button>
        </>
      }
    >
      <p>{t('remove.body', { count })}</p>
      <div className="choice-list">
        <label className="choice">
          <input
            type="radio"
            name={groupName}
            checked={choice === 'move'}
            disabled={others.length === 0}
            onChange={() => setChoice('move')}
          />
          <span>{t('remove.move', { count })}</span>
          <select
            className="input input--inline"
            aria-label={t('remove.moveTarget')}
            value={target}
            onChange={(event) => {
              setTarget(event.target.value);
              setChoice('move');
            }}
          >
            {others.map((other) => (
              <option key={other.id} value={other.id}>
                {other.title || t(request.axis === 'stage' ? 'stage.new' : 'lane.new')}
              </option>
            ))}
          </select>
        </label>
        <label className="choice">
          <input type="radio" name={groupName} checked={choice === 'delete'} onChange={() => setChoice('delete')} />
          <span>{t('remove.delete', { count })}</span>
        </label>
      </div>
    </Dialog>
  );
}
