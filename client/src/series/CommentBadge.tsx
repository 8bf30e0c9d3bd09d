import { useSyncExternalStore } from 'react';
import { useOptionalFacilitationContext } from '../facilitation/FacilitationContext.tsx';
import { useT } from '../i18n/index.ts';
import { Icon } from '../ui/icons.tsx';
import { commentSummary } from './commentSummary.ts';
import { readMarks } from './readState.ts';
import { useDocValue } from './useSeries.ts';

/** The comment count on a card or stage; marked when some arrived since this browser last looked. */
export function CommentBadge({ kind, id }: { kind: 'card' | 'stage'; id: string }) {
  const context = useOptionalFacilitationContext();
  return context ? <Badge kind={kind} id={id} boardId={context.boardId} me={context.participant.id} /> : null;
}

function Badge({ kind, id, boardId, me }: { kind: 'card' | 'stage'; id: string; boardId: string; me: string }) {
  const t = useT();
  const marks = readMarks(boardId);
  const read = useSyncExternalStore(marks.subscribe, marks.get);
  const key = `${kind}:${id}`;
  const { count, unread } = useDocValue((doc) => {
    const summary = commentSummary(doc, me, read);
    return { count: summary.counts.get(key) ?? 0, unread: summary.unread.get(key) ?? 0 };
  }, sameCounts);
  if (count === 0 && unread === 0) return null;
  return (
    <span
      className={`comment-badge${unread > 0 ? ' comment-badge--unread' : ''}`}
      title={unread > 0 ? t('series.comments.unread', { count: unread }) : t('series.comments.count', { count })}
      data-comment-count={count}
      data-unread={unread}
    >
      <Icon name="chat" size={12} />
      {count}
    </span>
  );
}

const sameCounts = (a: { count: number; unread: number }, b: { count: number; unread: number }): boolean =>
  a.count === b.count && a.unread === b.unread;
