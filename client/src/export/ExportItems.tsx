import {
  readBoardFile,
  actionListCsv,
  actionListMarkdown,
  boardMarkdown,
  actionsCsvFileName,
  exportFileName,
  exportLabelsFor,
  type Board,
  type CsvSeparator,
} from '@rejse/shared';
import { useStore, useStoreApi } from '@xyflow/react';
import type { ComponentProps } from 'react';
import { Link } from '../routing/router.tsx';
import { boardPath, type BoardView } from '../routing/routes.ts';
import { useBoardUiStore, useSession } from '../doc/BoardContext.tsx';
import { useFacilitationContext } from '../facilitation/FacilitationContext.tsx';
import { useT } from '../i18n/index.ts';
import { usePrioritySettings, useVoteCounts } from '../prioritize/usePrioritize.ts';
import { downloadBlob, downloadText } from './download.ts';
import { captureMapPicture, pictureSize, pictureSvg, type PictureArea, type PictureScale, type PictureStep } from './picture.ts';

const PICTURES: ReadonlyArray<{ area: PictureArea; scale: PictureScale }> = [
  { area: 'board', scale: 1 },
  { area: 'board', scale: 2 },
  { area: 'view', scale: 1 },
  { area: 'view', scale: 2 },
];

/** One entry of the menu: a list item holding a button. */
function MenuItem(props: Omit<ComponentProps<'button'>, 'type' | 'className'>) {
  return (
    <li>
      <button type="button" className="export-menu__item" {...props} />
    </li>
  );
}

const errorText = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** The export menu's items; loaded with their export code when the menu first opens. */
export function ExportItems({
  view,
  busy,
  onStep,
  onDone,
}: {
  view: BoardView | 'map';
  busy: boolean;
  onStep: (step: PictureStep | null) => void;
  onDone: () => void;
}) {
  const t = useT();
  const session = useSession();
  const store = useStoreApi();
  const { token } = useFacilitationContext();
  const votes = useVoteCounts();
  const settings = usePrioritySettings();
  const pane = useStore(
    (s) => ({ width: s.width, height: s.height }),
    (a, b) => a.width === b.width && a.height === b.height,
  );
  const board = session.getBoard();
  // The files speak the board's language (its locale), like the server's endpoints.
  const labels = exportLabelsFor(board.locale);
  const uiStore = useBoardUiStore();
  const notify = (text: string) => uiStore.getState().notify(text);

  const saveText = (text: string, filename: string, type: string) => {
    downloadText(text, filename, type);
    notify(t('export.saved', { file: filename }));
    onDone();
  };

  const savePicture = async (area: PictureArea, scale: PictureScale) => {
    onDone();
    const current: Board = session.getBoard();
    const filename = exportFileName(current.title, 'png', area === 'board' ? `map-${scale}x` : `view-${scale}x`);
    try {
      const picture = await captureMapPicture(store, current, { area, scale, onStep });
      downloadBlob(picture.blob, filename);
      notify(t('export.picture.done', { file: filename, width: picture.width, height: picture.height }));
    } catch (error) {
      notify(t('export.picture.failed', { error: errorText(error) }));
    } finally {
      onStep(null);
    }
  };

  const saveSvg = (area: PictureArea) => {
    const current: Board = session.getBoard();
    const { width, height, transform } = store.getState();
    const picture = pictureSvg(current, area, { width, height, transform }, 1);
    saveText(picture.svg, exportFileName(current.title, 'svg', area === 'board' ? 'map' : 'view'), 'image/svg+xml');
  };

  const csv = (separator: CsvSeparator) =>
    saveText(
      actionListCsv(board, { votes, by: settings.rankBy, separator, labels }),
      actionsCsvFileName(board.title, separator),
      'text/csv;charset=utf-8',
    );

  const markdown = (text: string, name: string) => saveText(text, exportFileName(board.title, 'md', name), 'text/markdown;charset=utf-8');

  const reportHtml = async () => {
    onDone();
    try {
      const response = await fetch(`/api/boards/${encodeURIComponent(board.id)}/report.html`, {
        headers: token ? { Authorization: `Bearer ${token}` } : {},
      });
      if (!response.ok) throw new Error(t('error.status', { status: response.status }));
      const filename = exportFileName(board.title, 'html', 'report');
      downloadBlob(await response.blob(), filename);
      notify(t('export.saved', { file: filename }));
    } catch (error) {
      notify(t('export.failed', { error: errorText(error) }));
    }
  };

  const mapShown = view === 'map' && pane.width > 0;
  return (
    <>
      <p className="export-menu__heading">{t('export.picture.heading')}</p>
      {mapShown ? (
        <ul className="export-menu__list">
          {PICTURES.map(({ area, scale }) => {
            const size = pictureSize(board, area, { ...pane, transform: [0, 0, 1] });
            const width = size.width * scale;
            const height = size.height * scale;
            return (
              <MenuItem
                key={`${area}-${scale}`}
                disabled={busy}
                data-picture={`${area}-${scale}x`}
                data-width={width}
                data-height={height}
                onClick={() => void savePicture(area, scale)}
              >
                <span>{t(area === 'board' ? 'export.picture.board' : 'export.picture.view', { scale })}</span>
                <span className="export-menu__meta">{t('export.picture.size', { width, height })}</span>
              </MenuItem>
            );
          })}
        </ul>
      ) : null}
      {mapShown ? (
        <>
          <p className="export-menu__heading">{t('map.export.svgHeading')}</p>
          <ul className="export-menu__list">
            {(['board', 'view'] as const).map((area) => (
              <MenuItem key={area} data-svg={area} onClick={() => saveSvg(area)}>
                {t(area === 'board' ? 'map.export.svgBoard' : 'map.export.svgView')}
              </MenuItem>
            ))}
          </ul>
        </>
      ) : (
        <p className="export-menu__hint">
          {t('export.picture.mapOnly')}{' '}
          <Link to={boardPath(board.id)} onClick={onDone}>
            {t('prioritize.tabs.map')}
          </Link>
        </p>
      )}
      <p className="export-menu__heading">{t('export.files.heading')}</p>
      <ul className="export-menu__list">
        <MenuItem onClick={() => csv(';')}>{t('export.csvSemicolon')}</MenuItem>
        <MenuItem onClick={() => csv(',')}>{t('export.csvComma')}</MenuItem>
        <MenuItem
          onClick={() => markdown(actionListMarkdown(board, { votes, by: settings.rankBy, topN: settings.topN, labels }), 'actions')}
        >
          {t('export.actionsMd')}
        </MenuItem>
        <MenuItem onClick={() => markdown(boardMarkdown(board, { votes, generatedAt: new Date(), labels }), 'board')}>
          {t('export.boardMd')}
        </MenuItem>
        <MenuItem
          // The file carries the votes and ranking too, so an import gives the same to-do list.
          onClick={() =>
            saveText(
              `${JSON.stringify(readBoardFile(session.doc, board.id), null, 2)}\n`,
              exportFileName(board.title, 'json'),
              'application/json',
            )
          }
        >
          {t('export.json')}
        </MenuItem>
        <MenuItem onClick={() => void reportHtml()}>{t('export.reportHtml')}</MenuItem>
        <li>
          <Link to={boardPath(board.id, 'report')} className="export-menu__item" onClick={onDone}>
            {t('export.reportPage')}
          </Link>
        </li>
      </ul>
    </>
  );
}
