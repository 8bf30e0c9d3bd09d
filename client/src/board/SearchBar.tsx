import { CARD_KINDS, CHANNELS, type CardId } from '@rejse/shared';
import { useEffect, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { shallow } from 'zustand/shallow';
import { isFilterActive, matchingCardIds, ownChannelKey } from '../doc/filter.ts';
import { computeLayout } from '../canvas/layout.ts';
import { useReveal } from '../canvas/useCanvasActions.ts';
import { useT } from '../i18n/index.ts';
import { Icon } from '../ui/icons.tsx';
import { useBoard, useBoardUiStore, useEditorState, useEditorStore, useSession } from '../doc/BoardContext.tsx';

const NO_CHANNELS: readonly string[] = [];

/**
 * Search and filter cards by text, kind, channel and stage: matching cards are highlighted
 * on the map and the rest dimmed (local to this tab). Shows how many match; Enter (Shift+Enter)
 * goes to the next (previous) match; Esc clears.
 */
export function SearchBar() {
  const editorStore = useEditorStore();
  const uiStore = useBoardUiStore();
  const t = useT();
  const session = useSession();
  const reveal = useReveal();
  const filter = useEditorState((s) => s.filter);
  const searchFocus = useEditorState((s) => s.searchFocus);
  const cards = useBoard((b) => b.cards);
  const stages = useBoard((b) => b.stages, shallow);
  const ownChannels = useBoard((b) => b.customChannels ?? NO_CHANNELS, shallow);
  const input = useRef<HTMLInputElement>(null);
  const cursor = useRef(-1);
  const active = isFilterActive(filter);
  const matches = useMemo(() => matchingCardIds(cards, filter), [cards, filter]);
  const facets = filter.kinds.length + filter.channels.length + filter.stageIds.length;

  useEffect(() => {
    if (searchFocus > 0) {
      input.current?.focus();
      input.current?.select();
    }
  }, [searchFocus]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new filter (the trigger, not read) starts the match cursor over.
  useEffect(() => {
    cursor.current = -1;
  }, [filter]);

  const clear = () => {
    editorStore.getState().clearFilter();
    input.current?.blur();
  };

  const step = (delta: number) => {
    if (!matches || matches.length === 0) return;
    cursor.current = (cursor.current + delta + matches.length) % matches.length;
    const id = matches[cursor.current] as CardId;
    uiStore.getState().setSelection([id], []);
    const box = computeLayout(session.getBoard()).cards.get(id);
    if (box) reveal(box);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      clear();
    } else if (event.key === 'Enter') {
      event.preventDefault();
      step(event.shiftKey ? -1 : 1);
    }
  };

  const editor = editorStore.getState();
  return (
    <search className={`search${active ? ' is-active' : ''}`}>
      <div className="search__field">
        <Icon name="search" size={15} className="search__icon" />
        <input
          ref={input}
          type="search"
          className="search__input"
          aria-label={t('search.label')}
          placeholder={t('search.placeholder')}
          value={filter.text}
          onChange={(event) => editorStore.getState().setText(event.target.value)}
          onKeyDown={onKeyDown}
        />
        {active && matches ? (
          <span className="search__count" role="status" aria-live="polite">
            {t('search.count', { count: matches.length, total: cards.length })}
          </span>
        ) : null}
        {active ? (
          <button type="button" className="search__clear" aria-label={t('search.clear')} title={t('search.clearHint')} onClick={clear}>
            <Icon name="close" size={13} />
          </button>
        ) : null}
      </div>
      <FilterMenu facets={facets} label={t('search.filters')}>
        <fieldset className="filter-group">
          <legend className="field__label">{t('search.kind')}</legend>
          <div className="chips">
            {CARD_KINDS.map((kind) => (
              <label key={kind} className={`chip chip--${kind}`}>
                <input type="checkbox" checked={filter.kinds.includes(kind)} onChange={() => editor.toggleKind(kind)} />
                <Icon name={kind} size={13} />
                {t(`kind.${kind}`)}
              </label>
            ))}
          </div>
        </fieldset>
        <fieldset className="filter-group">
          <legend className="field__label">{t('search.channel')}</legend>
          <div className="chips">
            {CHANNELS.map((channel) => (
              <label key={channel} className="chip">
                <input type="checkbox" checked={filter.channels.includes(channel)} onChange={() => editor.toggleChannel(channel)} />
                <Icon name={channel} size={13} />
                {t(`channel.${channel}`)}
              </label>
            ))}
            {ownChannels.map((name) => {
              const key = ownChannelKey(name);
              return (
                <label key={key} className="chip">
                  <input type="checkbox" checked={filter.channels.includes(key)} onChange={() => editor.toggleChannel(key)} />
                  <Icon name="channel" size={13} />
                  {name}
                </label>
              );
            })}
          </div>
        </fieldset>
        <fieldset className="filter-group">
          <legend className="field__label">{t('search.stage')}</legend>
          <div className="chips">
            {stages.map((stage, index) => (
              <label key={stage.id} className="chip">
                <input type="checkbox" checked={filter.stageIds.includes(stage.id)} onChange={() => editor.toggleStage(stage.id)} />
                <span className="chip__number">{index + 1}</span>
                {stage.title || t('stage.new')}
              </label>
            ))}
          </div>
        </fieldset>
        {active ? (
          <button type="button" className="button button--quiet filter-menu__reset" onClick={clear}>
            {t('search.clearAll')}
          </button>
        ) : null}
      </FilterMenu>
    </search>
  );
}

/** A small disclosure panel for the filter facets; closes on Esc and on a click elsewhere. */
function FilterMenu({ facets, label, children }: { facets: number; label: string; children: ReactNode }) {
  const ref = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    const onPointerDown = (event: PointerEvent) => {
      const details = ref.current;
      if (details?.open && !details.contains(event.target as Node)) details.open = false;
    };
    const onKeyDown = (event: globalThis.KeyboardEvent) => {
      const details = ref.current;
      if (event.key === 'Escape' && details?.open) {
        event.preventDefault();
        details.open = false;
        details.querySelector('summary')?.focus();
      }
    };
    document.addEventListener('pointerdown', onPointerDown);
    document.addEventListener('keydown', onKeyDown, true);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown);
      document.removeEventListener('keydown', onKeyDown, true);
    };
  }, []);
  // The facets (a few dozen chips) are made when the menu opens, not with every board page.
  const [open, setOpen] = useState(false);
  return (
    <details ref={ref} className="filter-menu" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary className={`filter-menu__summary${facets > 0 ? ' has-facets' : ''}`}>
        <span>{label}</span>
        {facets > 0 ? <span className="filter-menu__badge">{facets}</span> : null}
        <Icon name="down" size={13} />
      </summary>
      <div className="filter-menu__panel">{open ? children : null}</div>
    </details>
  );
}
