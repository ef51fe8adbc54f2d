/**
 * A board: header (title, connection, people), toolbar, composer, the
 * backlog, and the item panel. This component owns what is local to this
 * tab (selection, focus, filters, open item) and the keyboard shortcuts;
 * everything shared lives in the document and goes through shared/.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { defaultAgenda, moveItems, orderedIds, removeItem, setBoardTitle, setOutcome, splitItem, startSession, updateItem } from '../../shared/index.js';
import { GroomingPanel } from '../grooming/GroomingPanel.js';
import { SessionBar } from '../grooming/SessionBar.js';
import { SummaryDialog } from '../grooming/SummaryDialog.js';
import { useGroomingSession } from '../grooming/useGrooming.js';
import type { BoardSession } from '../session/BoardSession.js';
import { saveIdentity } from '../session/identity.js';
import { useBoardSession, useBoardTitle, useConnection, useItems, useLoadedLocally, usePeers, useRemoteChanges } from '../session/useBoardSession.js';
import { rememberBoard, takePendingTitle } from '../home/recentBoards.js';
import { ThemeToggle } from '../ui/ThemeToggle.js';
import { Toast, type ToastMessage } from '../ui/Toast.js';
import { BacklogList } from './BacklogList.js';
import { Composer } from './Composer.js';
import { ConnectionBadge } from './ConnectionBadge.js';
import { HelpOverlay } from './HelpOverlay.js';
import { ItemPanel } from './ItemPanel.js';
import { PresenceBar } from './PresenceBar.js';
import { SplitDialog } from './SplitDialog.js';
import { Toolbar } from './Toolbar.js';
import { InviteDialog } from './InviteDialog.js';
import { checkAccess, type AccessCheck } from '../session/access.js';
import { NO_FILTERS, allLabels, applyFilters, type Filters } from './filters.js';
import { isTyping } from './shortcuts.js';

export function BoardPage({ boardId }: { boardId: string }) {
  const session = useBoardSession(boardId);
  const [access, setAccess] = useState<AccessCheck | null>(null);
  useEffect(() => {
    if (session === null) return;
    let current = true;
    void checkAccess(boardId, session.token).then((result) => {
      if (!current) return;
      // Refused: stop the socket from knocking again and again.
      if (!result.ok) session.remote.disconnect();
      setAccess(result);
    });
    return () => {
      current = false;
    };
  }, [boardId, session]);
  if (access !== null && !access.ok) return <NoAccess reason={access.reason} />;
  return session ? <Board key={boardId} session={session} auth={access?.ok === true && access.auth} /> : null;
}

function NoAccess({ reason }: { reason: string }) {
  return (
    <main className="no-access">
      <h1>This board needs an invite</h1>
      <p>The relay refused to open it: {reason}.</p>
      <p>Ask a facilitator of the board for a new invite link.</p>
      <a href="/">All boards</a>
    </main>
  );
}

function BoardTitle({ session }: { session: BoardSession }) {
  const title = useBoardTitle(session);
  const [draft, setDraft] = useState<string | null>(null);
  useEffect(() => {
    if (title) rememberBoard(session.boardId, title);
  }, [session, title]);
  const commit = () => {
    if (draft !== null && draft.trim() !== title) session.act(() => setBoardTitle(session.doc, draft.trim().slice(0, 500)));
    setDraft(null);
  };
  return (
    <input
      className="board-title"
      readOnly={session.readOnly}
      aria-label="Board title"
      placeholder="Untitled board"
      value={draft ?? title}
      onChange={(event) => setDraft(event.target.value)}
      onBlur={commit}
      onKeyDown={(event) => {
        if (event.key === 'Enter') event.currentTarget.blur();
        if (event.key === 'Escape') {
          setDraft(null);
          event.currentTarget.blur();
        }
      }}
    />
  );
}

function Board({ session, auth }: { session: BoardSession; auth: boolean }) {
  const readOnly = session.readOnly;
  const [inviting, setInviting] = useState(false);
  const items = useItems(session);
  const loaded = useLoadedLocally(session);
  const connection = useConnection(session);
  const peers = usePeers(session);
  const flashes = useRemoteChanges(session);

  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [selection, setSelection] = useState<ReadonlySet<string>>(() => new Set());
  const [anchorId, setAnchorId] = useState<string | null>(null);
  const [focusedId, setFocusedId] = useState<string | null>(null);
  const [openId, setOpenId] = useState<string | null>(null);
  const [insertAfterId, setInsertAfterId] = useState<string | null>(null);
  const [splittingId, setSplittingId] = useState<string | null>(null);
  const [help, setHelp] = useState(false);
  const [toast, setToast] = useState<ToastMessage | null>(null);
  const grooming = useGroomingSession(session.doc);
  const running = grooming !== null && grooming.endedAt === null;
  const [panel, setPanel] = useState<'session' | 'details'>('session');
  const [following, setFollowingState] = useState(true);
  const [summaryOpen, setSummaryOpen] = useState(false);
  const searchRef = useRef<HTMLInputElement>(null);
  const composerRef = useRef<HTMLInputElement>(null);
  const scrollToRef = useRef<((index: number) => void) | null>(null);
  const focusRowAfterRender = useRef(false);

  const visible = useMemo(() => applyFilters(items, filters), [items, filters]);
  const labels = useMemo(() => allLabels(items), [items]);
  const byId = useMemo(() => new Map(items.map((item) => [item.id, item])), [items]);
  const me = peers.find((peer) => peer.isMe);

  // A title typed on the home page is written once, by the tab that created the board.
  useEffect(() => {
    if (!loaded) return;
    const pending = takePendingTitle(session.boardId);
    if (pending) setBoardTitle(session.doc, pending);
    else rememberBoard(session.boardId, '');
  }, [loaded, session]);

  // Forget selections of items that are gone (removed, possibly by someone else).
  const selected = useMemo(() => visible.filter((item) => selection.has(item.id)).map((item) => item.id), [visible, selection]);
  const targets = useCallback((): string[] => (selected.length > 0 ? selected : focusedId && byId.has(focusedId) ? [focusedId] : []), [selected, focusedId, byId]);

  const focusRow = useCallback(
    (id: string, options: { extend?: boolean } = {}) => {
      setFocusedId(id);
      if (options.extend && anchorId) {
        const from = visible.findIndex((item) => item.id === anchorId);
        const to = visible.findIndex((item) => item.id === id);
        const [lo, hi] = from < to ? [from, to] : [to, from];
        setSelection(new Set(visible.slice(lo, hi + 1).map((item) => item.id)));
      } else if (!options.extend) {
        setAnchorId(id);
      }
      const index = visible.findIndex((item) => item.id === id);
      if (index >= 0) scrollToRef.current?.(index);
      focusRowAfterRender.current = true;
    },
    [anchorId, visible],
  );

  useEffect(() => {
    if (!focusRowAfterRender.current || !focusedId) return;
    focusRowAfterRender.current = false;
    // The virtualizer renders the row on the next frame after scrolling to it.
    requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-item-id="${focusedId}"][role="option"]`)?.focus());
  });

  const setFollowing = (on: boolean) => {
    setFollowingState(on);
    session.setFollowing(on);
  };
  // Following the session: when the facilitator moves on, my view goes with them.
  const focusItem = running ? grooming.focus : null;
  useEffect(() => {
    if (!focusItem || !following) return;
    setPanel('session');
    const index = visible.findIndex((item) => item.id === focusItem);
    if (index >= 0) scrollToRef.current?.(index);
    // Only a change of focus moves the view, not every edit of the list.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [focusItem, following]);

  const startGrooming = () => {
    const me = session.me;
    session.act(() => startSession(session.doc, { facilitator: me, agenda: defaultAgenda(session.doc, orderedIds(session.doc)), now: session.clock.now() }));
    setPanel('session');
  };

  const moveSelection = useCallback(
    (direction: -1 | 1) => {
      if (readOnly) return;
      const block = targets();
      if (block.length === 0) return;
      const indices = block.map((id) => visible.findIndex((item) => item.id === id));
      const neighbour = direction < 0 ? visible[Math.min(...indices) - 1] : visible[Math.max(...indices) + 1];
      if (!neighbour) return;
      session.act(() => moveItems(session.doc, block, direction < 0 ? { before: neighbour.id } : { after: neighbour.id }));
      focusRow(focusedId ?? block[0]!);
    },
    [readOnly, targets, visible, session, focusRow, focusedId],
  );

  const deleteItems = useCallback(
    (ids: string[]) => {
      if (ids.length === 0 || readOnly) return;
      session.act(() => session.doc.transact(() => ids.forEach((id) => removeItem(session.doc, id))));
      if (openId && ids.includes(openId)) setOpenId(null);
      setSelection(new Set());
      setToast({ text: ids.length === 1 ? `Deleted “${byId.get(ids[0]!)?.title ?? ''}”` : `Deleted ${ids.length} items`, undo: true });
    },
    [readOnly, session, openId, byId],
  );

  const toggleArchive = useCallback(
    (ids: string[]) => {
      if (ids.length === 0 || readOnly) return;
      const archive = !ids.every((id) => byId.get(id)?.archived);
      session.act(() => session.doc.transact(() => ids.forEach((id) => updateItem(session.doc, id, { archived: archive }))));
      setToast({ text: `${archive ? 'Archived' : 'Restored'} ${ids.length === 1 ? `“${byId.get(ids[0]!)?.title ?? ''}”` : `${ids.length} items`}`, undo: true });
    },
    [readOnly, session, byId],
  );

  const undo = useCallback(() => session.undo.undo(), [session]);
  const redo = useCallback(() => session.undo.redo(), [session]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const mod = event.ctrlKey || event.metaKey;
      const target = event.target as HTMLElement | null;
      const bound = target?.dataset?.bound === 'yjs';
      if (mod && (event.key === 'z' || event.key === 'Z' || event.key === 'y')) {
        // Plain text boxes (search, composer) keep the browser's own undo.
        if (isTyping(target) && !bound) return;
        event.preventDefault();
        if (event.key === 'y' || event.shiftKey) redo();
        else undo();
        return;
      }
      if (isTyping(target) || help || splittingId || mod) return;
      // While an item is being dragged by keyboard, dnd-kit owns the keys.
      if (session.awareness.getLocalState()?.dragging) return;
      const index = visible.findIndex((item) => item.id === focusedId);
      const at = (i: number) => visible[Math.max(0, Math.min(visible.length - 1, i))];
      switch (event.key) {
        case 'ArrowDown':
        case 'ArrowUp':
        case 'j':
        case 'k': {
          const direction = event.key === 'ArrowDown' || event.key === 'j' ? 1 : -1;
          event.preventDefault();
          if (event.altKey) return moveSelection(direction);
          const next = index < 0 ? visible[0] : at(index + direction);
          if (next) focusRow(next.id, { extend: event.shiftKey });
          return;
        }
        case 'Home':
        case 'End': {
          const next = event.key === 'Home' ? visible[0] : visible[visible.length - 1];
          if (next) {
            event.preventDefault();
            focusRow(next.id, { extend: event.shiftKey });
          }
          return;
        }
        case 'x':
          if (focusedId) {
            setSelection((previous) => {
              const next = new Set(previous);
              if (next.has(focusedId)) next.delete(focusedId);
              else next.add(focusedId);
              return next;
            });
          }
          return;
        case 'Enter':
        case 'o':
          if (focusedId) {
            event.preventDefault();
            setOpenId(focusedId);
          }
          return;
        case 'n':
          event.preventDefault();
          setInsertAfterId(focusedId);
          composerRef.current?.focus();
          return;
        case 'e':
          return toggleArchive(targets());
        case 'Delete':
        case 'Backspace':
          return deleteItems(targets());
        case '/':
          event.preventDefault();
          searchRef.current?.focus();
          return;
        case '?':
          setHelp(true);
          return;
        case 'Escape':
          if (openId) setOpenId(null);
          else setSelection(new Set());
          return;
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [visible, focusedId, openId, help, splittingId, session, focusRow, moveSelection, targets, toggleArchive, deleteItems, undo, redo]);

  const onRowClick = useCallback(
    (id: string, event: { shiftKey: boolean; metaKey: boolean; ctrlKey: boolean }) => {
      if (event.metaKey || event.ctrlKey) {
        setSelection((previous) => {
          const next = new Set(previous);
          if (next.has(id)) next.delete(id);
          else next.add(id);
          return next;
        });
        setFocusedId(id);
        setAnchorId(id);
      } else if (event.shiftKey) {
        focusRow(id, { extend: true });
      } else {
        setSelection(new Set([id]));
        setFocusedId(id);
        setAnchorId(id);
        setOpenId(id);
        setPanel('details');
      }
    },
    [focusRow],
  );

  const openItem = openId && (!running || panel === 'details') ? byId.get(openId) : undefined;
  const showGrooming = running && !openItem;
  const present = new Set(peers.map((peer) => peer.user.id));
  const splitting = splittingId ? byId.get(splittingId) : undefined;

  return (
    <div className="board-app">
      <header className="topbar">
        <a href="/" className="home-link" aria-label="All boards">
          ◆
        </a>
        <BoardTitle session={session} />
        {readOnly && (
          <span className="read-only-badge" role="status">
            View only
          </span>
        )}
        <ConnectionBadge connection={connection} />
        <div className="topbar-end">
          <PresenceBar
            peers={peers}
            onRename={(identity) => {
              saveIdentity(identity);
              session.setName(identity);
            }}
          />
          {session.role === 'facilitator' && (
            <button type="button" className="button-secondary" onClick={() => setInviting(true)}>
              {auth ? 'Invite' : 'Share'}
            </button>
          )}
          {!running && session.role === 'facilitator' && (
            <button type="button" className="button-secondary" onClick={startGrooming}>
              Start grooming session
            </button>
          )}
          {grooming && !running && (
            <button type="button" className="link-button" onClick={() => setSummaryOpen(true)}>
              Last summary
            </button>
          )}
          <button type="button" className="icon-button" aria-label="Keyboard shortcuts" title="Keyboard shortcuts (?)" onClick={() => setHelp(true)}>
            ?
          </button>
          <ThemeToggle />
        </div>
      </header>
      {running && (
        <fieldset className="bare-fieldset" disabled={readOnly}>
          <SessionBar session={session} grooming={grooming} peers={peers} following={following} onFollowingChange={setFollowing} onSummary={() => setSummaryOpen(true)} />
        </fieldset>
      )}
      <div className={openItem || showGrooming ? 'board-body with-panel' : 'board-body'}>
        <main className="backlog-pane">
          <Toolbar filters={filters} labels={labels} shown={visible.length} total={items.filter((item) => filters.showArchived || !item.archived).length} searchRef={searchRef} onChange={setFilters} />
          {!readOnly && (
            <Composer
              session={session}
              after={insertAfterId ? (byId.get(insertAfterId) ?? null) : null}
              author={me?.user.name ?? ''}
              inputRef={composerRef}
              onClearPosition={() => setInsertAfterId(null)}
              onAdded={(id) => {
                // Keep inserting below the new item, so a run of stories lands in order.
                if (insertAfterId) setInsertAfterId(id);
              }}
            />
          )}
          {selected.length > 1 && (
            <div className="selection-bar" role="status">
              {selected.length} selected: drag any of them or press Alt + ↑ ↓ to move them together
              <button type="button" className="link-button" onClick={() => setSelection(new Set())}>
                Clear
              </button>
            </div>
          )}
          {loaded && visible.length === 0 ? (
            <p className="empty">{items.length === 0 ? 'This backlog is empty. Write the first item above.' : 'No items match these filters.'}</p>
          ) : (
            <BacklogList
              session={session}
              items={visible}
              selection={selection}
              focusedId={focusedId}
              openId={openId}
              peers={peers}
              flashes={flashes}
              onRowClick={onRowClick}
              focusItemId={focusItem}
              onOpen={setOpenId}
              onInsertBelow={(id) => {
                setInsertAfterId(id);
                composerRef.current?.focus();
              }}
              scrollToRef={scrollToRef}
            />
          )}
        </main>
        {openItem && (
          <ItemPanel
            key={openItem.id}
            session={session}
            item={openItem}
            items={items}
            peers={peers}
            onClose={() => (running ? setPanel('session') : setOpenId(null))}
            closeLabel={running ? 'Back to the session' : 'Close details'}
            onSplit={() => setSplittingId(openItem.id)}
            onArchive={() => toggleArchive([openItem.id])}
            onDelete={() => deleteItems([openItem.id])}
          />
        )}
        {showGrooming && (
          <fieldset className="bare-fieldset" disabled={readOnly}>
            <GroomingPanel
              session={session}
              grooming={grooming}
              items={byId}
              selected={selected}
              present={present}
              onOpenDetails={(id) => {
                setOpenId(id);
                setPanel('details');
              }}
              onSplit={setSplittingId}
              onError={(text) => setToast({ text })}
            />
          </fieldset>
        )}
      </div>
      {help && <HelpOverlay onClose={() => setHelp(false)} />}
      {inviting && <InviteDialog session={session} auth={auth} onClose={() => setInviting(false)} />}
      {summaryOpen && <SummaryDialog session={session} onClose={() => setSummaryOpen(false)} />}
      {splitting && (
        <SplitDialog
          item={splitting}
          onClose={() => setSplittingId(null)}
          onSplit={(titles) => {
            const ids = session.act(() =>
              session.doc.transact(() => {
                const made = splitItem(session.doc, splitting.id, titles);
                if (running) setOutcome(session.doc, splitting.id, 'split');
                return made;
              }),
            );
            setSplittingId(null);
            setOpenId(ids[0] ?? null);
            setToast({ text: `Split into ${ids.length} items`, undo: true });
          }}
        />
      )}
      {toast && <Toast message={toast} onUndo={undo} onDone={() => setToast(null)} />}
    </div>
  );
}
