import type * as Y from 'yjs';
import { commentThreads, mentionsIn, readComments, readPeople, targetKey, type CommentTarget, type CommentThread } from '@rejse/shared';
import { useEffect, useId, useState } from 'react';
import { useFacilitationContext } from '../facilitation/FacilitationContext.tsx';
import { formatDateTime, useLocale, useT } from '../i18n/index.ts';
import { markRead } from './readState.ts';
import { useDocValue, useSeriesCommands } from './useSeries.ts';

/**
 * The comment threads on one card or stage, with a composer. Opening them marks the target
 * read for this browser. @Name mentions are resolved against the names people gave
 * themselves on the board; the author shown is the participant the server knew.
 */
export function Threads({ target, label }: { target: CommentTarget; label?: string }) {
  const t = useT();
  const locale = useLocale();
  const { boardId, role, participant } = useFacilitationContext();
  const commands = useSeriesCommands();
  const key = targetKey(target);
  const people = useDocValue(readPeople);
  const threads = useDocValue((doc) => commentThreads(readCommentsOf(doc, key)));
  const [showResolved, setShowResolved] = useState(false);
  const canWrite = role !== 'viewer';

  // Seeing the threads marks them read, again whenever a new comment arrives while they are open.
  const newest = threads.reduce((at, thread) => Math.max(at, thread.updatedAt), 0);
  useEffect(() => {
    markRead(boardId, key, Math.max(Date.now(), newest));
  }, [boardId, key, newest]);

  const nameOf = (id: string) => people.get(id) ?? t('series.comments.someone');
  const open = threads.filter((thread) => !thread.resolved);
  const resolved = threads.filter((thread) => thread.resolved);

  return (
    <section className="threads" aria-label={label ?? t('series.comments.title')} data-comment-target={key}>
      {open.length === 0 && resolved.length === 0 ? <p className="threads__empty">{t('series.comments.none')}</p> : null}
      {open.map((thread) => (
        <Thread key={thread.id} thread={thread} nameOf={nameOf} me={participant.id} locale={locale} canWrite={canWrite} people={people} />
      ))}
      {resolved.length > 0 ? (
        <button
          type="button"
          className="button button--small button--quiet"
          onClick={() => setShowResolved(!showResolved)}
          aria-expanded={showResolved}
        >
          {t('series.comments.resolvedCount', { count: resolved.length })}
        </button>
      ) : null}
      {showResolved
        ? resolved.map((thread) => (
            <Thread
              key={thread.id}
              thread={thread}
              nameOf={nameOf}
              me={participant.id}
              locale={locale}
              canWrite={canWrite}
              people={people}
            />
          ))
        : null}
      {canWrite ? (
        <Composer
          people={people}
          onSend={(text, mentions) => commands.comment({ target, text, mentions })}
          placeholder={t('series.comments.new')}
        />
      ) : null}
    </section>
  );
}

const readCommentsOf = (doc: Y.Doc, key: string) => readComments(doc).filter((comment) => targetKey(comment.target) === key);

function Thread({
  thread,
  nameOf,
  me,
  locale,
  canWrite,
  people,
}: {
  thread: CommentThread;
  nameOf: (id: string) => string;
  me: string;
  locale: string;
  canWrite: boolean;
  people: ReadonlyMap<string, string>;
}) {
  const t = useT();
  const commands = useSeriesCommands();
  const { role } = useFacilitationContext();
  const [replying, setReplying] = useState(false);
  return (
    <article className={`thread${thread.resolved ? ' thread--resolved' : ''}`} data-thread-id={thread.id}>
      {thread.comments.map((comment) => (
        <div
          key={comment.id}
          className={`comment${comment.mentions.includes(me) ? ' comment--mentions-me' : ''}`}
          data-comment-id={comment.id}
        >
          <p className="comment__head">
            <strong className="comment__author">{nameOf(comment.authorId)}</strong>
            <time dateTime={new Date(comment.createdAt).toISOString()}>{formatDateTime(comment.createdAt, locale)}</time>
            {comment.mentions.includes(me) ? <span className="comment__mention">{t('series.comments.mentionsYou')}</span> : null}
          </p>
          <p className="comment__text">{comment.text}</p>
          {comment.authorId === me || role === 'facilitator' ? (
            <button type="button" className="button button--small button--quiet" onClick={() => commands.removeComment(comment.id)}>
              {t('series.comments.remove')}
            </button>
          ) : null}
        </div>
      ))}
      {canWrite ? (
        <div className="thread__actions">
          <button type="button" className="button button--small" onClick={() => commands.resolveThread(thread.id, !thread.resolved)}>
            {thread.resolved ? t('series.comments.reopen') : t('series.comments.resolve')}
          </button>
          {thread.resolved ? null : (
            <button
              type="button"
              className="button button--small button--quiet"
              onClick={() => setReplying(!replying)}
              aria-expanded={replying}
            >
              {t('series.comments.reply')}
            </button>
          )}
        </div>
      ) : null}
      {replying ? (
        <Composer
          people={people}
          placeholder={t('series.comments.replyPlaceholder')}
          onSend={(text, mentions) => {
            commands.comment({ target: thread.target, text, mentions, replyTo: thread.id });
            setReplying(false);
          }}
        />
      ) : null}
    </article>
  );
}

function Composer({
  people,
  onSend,
  placeholder,
}: {
  people: ReadonlyMap<string, string>;
  onSend: (text: string, mentions: string[]) => void;
  placeholder: string;
}) {
  const t = useT();
  const id = useId();
  const [text, setText] = useState('');
  const mentioned = mentionsIn(text, people);
  const send = () => {
    if (text.trim() === '') return;
    onSend(text, mentioned);
    setText('');
  };
  return (
    <form
      className="composer"
      onSubmit={(event) => {
        event.preventDefault();
        send();
      }}
    >
      <label htmlFor={id} className="visually-hidden">
        {placeholder}
      </label>
      <textarea
        id={id}
        value={text}
        rows={2}
        maxLength={2000}
        placeholder={placeholder}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && (event.metaKey || event.ctrlKey)) {
            event.preventDefault();
            send();
          }
        }}
      />
      {mentioned.length > 0 ? (
        <p className="composer__mentions">
          {t('series.comments.willMention', { names: mentioned.map((m) => people.get(m) ?? '').join(', ') })}
        </p>
      ) : null}
      <button type="submit" className="button button--small button--primary" disabled={text.trim() === ''}>
        {t('series.comments.send')}
      </button>
    </form>
  );
}
