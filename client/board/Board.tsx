/**
 * An open board: header, grooming bar, toolbar, composer, the backlog and
 * the side panel. It wires the pieces together; the state lives in hooks
 * (selection, side panel, notices, shortcuts) and every document write goes
 * through shared/, via useItemActions or the components themselves.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { FRAMEWORK_NAMES, assignToSprint, awaitsTriage, orderWarnings, defaultAgenda, joinSession, orderedIds, orderedItems, setBoardTitle, startSession, type Framework } from '../../shared/index.js';
import { useGroomingSession } from '../grooming/useGrooming.js';
import { rememberBoard, takePendingTitle } from '../home/recentBoards.js';
import type { BoardSession } from '../session/BoardSession.js';
import { saveIdentity, type Identity } from '../session/identity.js';
import { useConnection, useItems, useLoadedLocally, usePeers, useRemoteChanges } from '../session/useBoardSession.js';
import { shorten } from '../ui/text.js';
import { Toast } from '../ui/Toast.js';
import { BacklogHeader } from './BacklogHeader.js';
import { BacklogList } from './BacklogList.js';
import { BacklogTotals } from './BacklogTotals.js';
import { BoardHeader } from './BoardHeader.js';
import { Composer } from './Composer.js';
import { LazyPart } from '../ui/LazyPart.js';
import { MoveToSprint, SelectionNotice, SortedNotice } from './ListNotices.js';
import { PaneTabs } from './PaneTabs.js';
import { PlanningView } from '../planning/PlanningView.js';
import { ForecastLine } from '../planning/ForecastLine.js';
import { EpicProgressLine } from '../roadmap/EpicProgressLine.js';
import { RoadmapView } from '../roadmap/RoadmapView.js';
import { CycleMarks, WaitsContext } from '../planning/WaitsContext.js';
import { CycleNotice } from '../planning/CycleNotice.js';
import { planFigures } from '../planning/planFigures.js';
import { usePlanForecast } from '../planning/usePlanForecast.js';
import { usePlanning } from '../planning/usePlanning.js';
import { useDiscussion } from '../discussion/useDiscussion.js';
import { DiscussionContext } from '../discussion/DiscussionContext.js';
import { ActivityView } from '../discussion/ActivityView.js';
import { RefinementContext, useRefinementWorker } from '../refinement/useRefinement.js';
import { DuplicatesSection } from '../refinement/DuplicatesSection.js';
import { EstimateHint } from '../refinement/EstimateHint.js';
import { BulkEditDialog, ExportDialog, HealthView, GroomingPanel, HelpOverlay, ImportDialog, InviteDialog, PrioritizeDialog, RankDialog, SessionBar, SplitDialog, SummaryDialog, ValueEffortChart } from './lazyParts.js';
import { ScoreColumnsContext, scoreColumnTracks } from '../prioritization/ScoreColumns.js';
import { InboxView } from '../intake/InboxView.js';
import { MergedRequests } from '../intake/MergedRequests.js';
import { useRequests } from '../intake/useRequests.js';
import { ReadinessContext } from '../health/ReadinessContext.js';
import { useHealthSettings } from '../health/useHealthSettings.js';
import { scoringFrameworks, useFrameworks } from '../prioritization/useFrameworks.js';
import { NO_FILTERS, allLabels, applyFilters, isFiltering } from './filters.js';
import { BACKLOG_ORDER, sortItems } from './sorting.js';
import { useBacklogView } from './useBacklogView.js';
import { ItemPanel } from '../item/ItemPanel.js';
import { Toolbar } from './Toolbar.js';
import { useBoardShortcuts } from './useBoardShortcuts.js';
import { useItemActions } from './useItemActions.js';
import { useNotices } from './useNotices.js';
import { useSelection } from './useSelection.js';
import { useSidePanel } from './useSidePanel.js';

export function Board({ session, auth }: { session: BoardSession; auth: boolean }) {
  const readOnly = session.readOnly;
  const items = useItems(session);
  const loaded = useLoadedLocally(session);
  const connection = useConnection(session);
  const peers = usePeers(session);
  const flashes = useRemoteChanges(session);
  const grooming = useGroomingSession(session.doc);
  const running = grooming !== null && grooming.endedAt === null;

  const { filters, sort, mode, setFilters, setSort, setMode } = useBacklogView();
  const sorted = sort.by !== '';
  const [insertAfterId, setInsertAfterId] = useState<string | null>(null);
  const [splittingId, setSplittingId] = useState<string | null>(null);
  const [dialog, setDialog] = useState<'help' | 'invite' | 'summary' | 'export' | 'prioritize' | null>(null);
  /** The framework whose ranking is being previewed. */
  const [ranking, setRanking] = useState<Framework | null>(null);
  /** The items whose fields are being set together. */
  const [bulkEditing, setBulkEditing] = useState<string[] | null>(null);
  const frameworks = useFrameworks(session.doc);
  const scoreColumns = useMemo(() => scoringFrameworks(frameworks), [frameworks]);
  const showChart = mode === 'chart' && frameworks.includes('value-effort');
  const requests = useRequests(session.doc);
  const { definition } = useHealthSettings(session.doc);
  const discussion = useDiscussion(session.doc, session.me.id);
  const refinement = useRefinementWorker(items);
  const readiness = useMemo(() => ({ definition, frameworks, openQuestions: discussion.openQuestions }), [definition, frameworks, discussion.openQuestions]);
  const waiting = requests.filter(awaitsTriage).length;
  /** The import dialog, with the file dropped on the board (null: it asks for one). */
  const [importing, setImporting] = useState<{ file: File | null } | null>(null);
  /** An item to select once the filters show it ("Show it" on a notice). */
  const [reveal, setReveal] = useState<string | null>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const composerRef = useRef<HTMLInputElement>(null);
  const scrollToRef = useRef<((index: number) => void) | null>(null);

  const planning = usePlanning(session.doc);
  const plan = useMemo(() => planFigures(items, planning.sprints, planning), [items, planning]);
  const forecast = usePlanForecast(plan);
  // The product backlog: items committed to an open sprint are in its sprint backlog (Planning), not here.
  const backlog = plan.backlog;
  const waits = useMemo(() => {
    const titles = new Map(items.map((item) => [item.id, item.title || 'Untitled']));
    return new Map(orderWarnings(backlog).map(({ id, waitsFor }) => [id, waitsFor.map((dep) => titles.get(dep) ?? dep)]));
  }, [items, backlog]);
  const visible = useMemo(() => sortItems(applyFilters(backlog, filters, { now: Date.now(), frameworks }), sort), [backlog, filters, frameworks, sort]);
  const labels = useMemo(() => allLabels(items), [items]);
  // Counted once per change to the items, not on every render (presence changes re-render the board).
  const shownTotal = useMemo(() => backlog.filter((item) => filters.showArchived || !item.archived).length, [backlog, filters.showArchived]);
  const byId = useMemo(() => new Map(items.map((item) => [item.id, item])), [items]);
  const childCounts = useMemo(() => {
    const counts = new Map<string, number>();
    for (const item of items) if (item.parent !== null && !item.archived) counts.set(item.parent, (counts.get(item.parent) ?? 0) + 1);
    return counts;
  }, [items]);
  const me = peers.find((peer) => peer.isMe);
  // Epics to filter by: items of the epic kind and any item others belong to.
  const epics = useMemo(() => items.filter((item) => !item.archived && (item.kind === 'epic' || item.kind === 'theme' || childCounts.has(item.id))), [items, childCounts]);

  const scrollTo = useCallback((index: number) => scrollToRef.current?.(index), []);
  const select = useSelection(visible, scrollTo);
  const scrollToItem = useCallback(
    (id: string) => {
      const index = visible.findIndex((item) => item.id === id);
      if (index >= 0) scrollTo(index);
    },
    [visible, scrollTo],
  );
  const sessionFocus = running ? grooming.focus : null;
  const side = useSidePanel(session, sessionFocus, scrollToItem);
  const { notice, show, dismiss } = useNotices(session, byId);
  const actions = useItemActions(session, byId, visible, show);

  // A title typed on the home page is written once, by the tab that created the board.
  useEffect(() => {
    if (!loaded) return;
    const pending = takePendingTitle(session.boardId);
    if (pending) session.act(() => setBoardTitle(session.doc, pending));
    else rememberBoard(session.boardId, '');
  }, [loaded, session]);

  // "Show it" on an item hidden by the filters: once the filters are cleared, select it.
  useEffect(() => {
    if (reveal === null || !visible.some((item) => item.id === reveal)) return;
    select.single(reveal);
    select.focusRow(reveal);
    setReveal(null);
  }, [reveal, visible, select]);

  const onAdded = (id: string) => {
    // Keep inserting below the new item, so a run of stories lands in order.
    if (insertAfterId) setInsertAfterId(id);
    const added = orderedItems(session.doc).find((item) => item.id === id);
    if (added && applyFilters([added], filters, { now: Date.now(), frameworks }).length === 0) {
      show({
        text: `“${shorten(added.title, 60)}” was added, but your filters hide it`,
        action: {
          label: 'Show it',
          run: () => {
            setFilters({ ...NO_FILTERS, showArchived: filters.showArchived });
            setReveal(id);
          },
        },
      });
    }
  };

  const remove = (ids: string[]) => {
    if (readOnly || !actions.remove(ids)) return;
    if (side.openId && ids.includes(side.openId)) side.closeDetails();
    select.clear();
  };
  const archive = (ids: string[]) => !readOnly && actions.toggleArchived(ids);
  const focusComposer = (afterId: string | null) => {
    setInsertAfterId(afterId);
    composerRef.current?.focus();
  };

  useBoardShortcuts(
    {
      step: (direction, extend) => {
        const index = visible.findIndex((item) => item.id === select.focusedId);
        const next = index < 0 ? visible[0] : visible[Math.max(0, Math.min(visible.length - 1, index + direction))];
        if (next) select.focusRow(next.id, { extend });
      },
      jump: (to, extend) => {
        const next = to === 'first' ? visible[0] : visible[visible.length - 1];
        if (next) select.focusRow(next.id, { extend });
      },
      moveBlock: (direction) => {
        if (readOnly) return;
        if (sorted) {
          show({ text: 'The list is sorted by a field: switch back to backlog order to move items', action: { label: 'Backlog order', run: () => setSort(BACKLOG_ORDER) } });
          return;
        }
        const block = select.targets();
        actions.moveBlock(block, direction);
        if (block.length > 0) select.focusRow(select.focusedId ?? block[0]!);
      },
      toggleFocused: () => select.focusedId && select.toggle(select.focusedId),
      openFocused: () => select.focusedId && side.openDetails(select.focusedId),
      newItem: () => !readOnly && focusComposer(select.focusedId),
      archive: () => archive(select.targets()),
      remove: () => remove(select.targets()),
      search: () => searchRef.current?.focus(),
      help: () => setDialog('help'),
      escape: () => (side.openId ? side.closeDetails() : select.clear()),
      undo: () => session.undo.undo(),
      redo: () => session.undo.redo(),
    },
    () => dialog !== null || ranking !== null || bulkEditing !== null || importing !== null || splittingId !== null || Boolean(session.awareness.getLocalState()?.dragging),
  );

  const onRowClick = (id: string, event: { shiftKey: boolean; metaKey: boolean; ctrlKey: boolean }) => {
    if (event.metaKey || event.ctrlKey) select.toggle(id);
    else if (event.shiftKey) select.focusRow(id, { extend: true });
    else {
      select.single(id);
      side.openDetails(id);
    }
  };

  const startGrooming = () => {
    session.act(() => startSession(session.doc, { facilitator: session.me, agenda: defaultAgenda(session.doc, orderedIds(session.doc)), now: session.clock.now() }));
    side.setPanel('session');
  };

  const openItem = side.openId && (!running || side.panel === 'details') ? byId.get(side.openId) : undefined;
  const showGrooming = running && !openItem;
  const present = new Set(peers.map((peer) => peer.user.id));
  const splitting = splittingId ? byId.get(splittingId) : undefined;

  // A file dropped anywhere on the board opens the import with it.
  const dropFile = {
    onDragOver: (event: React.DragEvent) => {
      if (!readOnly && event.dataTransfer.types.includes('Files')) event.preventDefault();
    },
    onDrop: (event: React.DragEvent) => {
      const file = event.dataTransfer.files[0];
      if (readOnly || file === undefined) return;
      event.preventDefault();
      setImporting({ file });
    },
  };

  return (
    <div className="board-app" {...dropFile}>
      <ReadinessContext value={readiness}>
        <WaitsContext value={waits}>
        <DiscussionContext value={discussion}>
        <RefinementContext value={refinement}>
        <CycleMarks items={items}>
        <BoardHeader
          session={session}
          connection={connection}
          peers={peers}
          onRename={(identity: Identity) => {
            saveIdentity(identity);
            session.setName(identity);
            // Votes and the summary carry the name the session knows: tell it too.
            const mine = running ? grooming.participants.find((p) => p.id === identity.id) : undefined;
            if (mine && !readOnly) session.act(() => joinSession(session.doc, { id: identity.id, name: identity.name }, mine.role));
          }}
          onHelp={() => setDialog('help')}
        >
          {!readOnly && (
            <button type="button" className="button-secondary" onClick={() => setImporting({ file: null })}>
              Import
            </button>
          )}
          <button type="button" className="button-secondary" onClick={() => setDialog('export')}>
            Export
          </button>
          <button type="button" className="button-secondary" onClick={() => setDialog('prioritize')}>
            Prioritize
          </button>
          {session.role === 'facilitator' && (
            <button type="button" className="button-secondary" onClick={() => setDialog('invite')}>
              {auth ? 'Invite' : 'Share'}
            </button>
          )}
          {!running && session.role === 'facilitator' && (
            <button type="button" className="button-secondary" onClick={startGrooming}>
              Start grooming session
            </button>
          )}
          {grooming && !running && (
            <button type="button" className="link-button" onClick={() => setDialog('summary')}>
              Last summary
            </button>
          )}
        </BoardHeader>
        {/* Each lazy part (lazyParts.ts) shows nothing until its code is here, a moment at most, without hiding the rest. */}
        {running && (
          <LazyPart fallback={null}>
            <SessionBar session={session} grooming={grooming} peers={peers} following={side.following} onFollowingChange={side.setFollowing} onSummary={() => setDialog('summary')} />
          </LazyPart>
        )}
        <ScoreColumnsContext value={scoreColumns}>
          <div className={openItem || showGrooming ? 'board-body with-panel' : 'board-body'}>
            <main className="backlog-pane">
              <PaneTabs mode={mode} waiting={waiting} onMode={setMode} />
              {mode === 'planning' ? (
              <PlanningView session={session} items={items} figures={plan} forecast={forecast} sprints={planning.sprints} onOpen={side.openDetails} onDone={(text) => show({ text })} />
            ) : mode === 'activity' ? (
              <ActivityView doc={session.doc} items={items} onOpen={side.openDetails} />
            ) : mode === 'roadmap' ? (
              <RoadmapView session={session} items={items} plan={plan} forecast={forecast} sprints={planning.sprints} onOpen={side.openDetails} />
            ) : mode === 'health' ? (
                <LazyPart fallback={<div className="health" aria-busy="true" />}>
                  <HealthView session={session} items={items} frameworks={frameworks} onOpen={side.openDetails} onDone={(text, undo) => show({ text, action: { label: 'Undo', run: () => void undo() } })} />
                </LazyPart>
              ) : mode === 'inbox' ? (
                <InboxView
                  session={session}
                  requests={requests}
                  items={items}
                  byId={byId}
                  selected={select.focusedId ? (byId.get(select.focusedId) ?? null) : null}
                  onOpen={side.openDetails}
                  onDone={(text, undo) => show({ text, action: { label: 'Undo', run: () => void undo() } })}
                />
              ) : (
                <>
                  <Toolbar
                    filters={filters}
                    labels={labels}
                    shown={visible.length}
                    total={shownTotal}
                    searchRef={searchRef}
                    onChange={setFilters}
                    sort={sort}
                    onSort={setSort}
                    frameworks={frameworks}
                    epics={epics}
                    view={frameworks.includes('value-effort') ? (mode === 'chart' ? 'chart' : 'list') : null}
                    onView={setMode}
                  />
                  {!readOnly && (
                    <Composer
                      session={session}
                      after={insertAfterId ? (byId.get(insertAfterId) ?? null) : null}
                      author={me?.user.name ?? ''}
                      inputRef={composerRef}
                      onClearPosition={() => setInsertAfterId(null)}
                      onAdded={onAdded}
                      byId={byId}
                      onOpen={side.openDetails}
                    />
                  )}
                  {sorted && !showChart && <SortedNotice onBacklogOrder={() => setSort(BACKLOG_ORDER)} />}
                  {!showChart && <CycleNotice items={items} onOpen={side.openDetails} />}
                  {select.selected.length > 0 && !readOnly && plan.open.length > 0 && (
                  <MoveToSprint sprints={plan.open.map((open) => open.sprint)} count={select.selected.length} onMove={(sprintId) => session.act(() => assignToSprint(session.doc, select.selected, sprintId, { by: me?.user.name ?? session.me.name }))} />
                )}
                {select.selected.length > 1 && <SelectionNotice count={select.selected.length} onSetFields={readOnly ? null : () => setBulkEditing(select.selected)} onClear={select.clear} />}
                  {showChart ? (
                    <LazyPart fallback={<div className="value-effort" aria-busy="true" />}>
                      <ValueEffortChart items={visible} byId={byId} onOpen={side.openDetails} />
                    </LazyPart>
                  ) : loaded && visible.length === 0 ? (
                    <p className="empty">{items.length === 0 ? 'This backlog is empty. Write the first item above.' : 'No items match these filters.'}</p>
                  ) : (
                    <div className="backlog" style={{ '--score-columns': scoreColumnTracks(scoreColumns) } as React.CSSProperties}>
                      <BacklogHeader />
                      <BacklogList
                        session={session}
                        reorderable={!sorted}
                        items={visible}
                        everyItem={byId}
                        childCounts={childCounts}
                        selection={select.set}
                        focusedId={select.focusedId}
                        openId={side.openId}
                        peers={peers}
                        flashes={flashes}
                        onRowClick={onRowClick}
                        focusItemId={sessionFocus}
                        onOpen={side.openDetails}
                        onInsertBelow={focusComposer}
                        scrollToRef={scrollToRef}
                        cutLines={sorted || isFiltering(filters) ? [] : plan.cutLines}
                      />
                      <BacklogTotals items={visible} filtered={visible.length !== shownTotal} />
                    </div>
                  )}
                </>
              )}
            </main>
            {openItem && (
              <ItemPanel
                key={openItem.id}
                session={session}
                item={openItem}
                items={items}
                peers={peers}
                onClose={() => (running ? side.setPanel('session') : side.closeDetails())}
                closeLabel={running ? 'Back to the session' : 'Close details'}
                onSplit={() => setSplittingId(openItem.id)}
                onArchive={() => archive([openItem.id])}
                onDelete={() => remove([openItem.id])}
                frameworks={scoreColumns}
              >
                <ForecastLine plan={plan} forecast={forecast} sprints={planning.sprints} itemId={openItem.id} />
                <EpicProgressLine itemId={openItem.id} items={items} sprints={planning.sprints} forecast={forecast} />
                <EstimateHint session={session} itemId={openItem.id} items={items} />
                <DuplicatesSection session={session} itemId={openItem.id} byId={byId} onOpen={side.openDetails} onDone={(text) => show({ text })} />
            <MergedRequests requests={requests.filter((request) => request.triage?.action === 'merged' && request.triage.itemId === openItem.id)} />
              </ItemPanel>
            )}
            {showGrooming && (
              <LazyPart fallback={<aside className="panel grooming-panel" aria-busy="true" />}>
                <GroomingPanel
                  session={session}
                  grooming={grooming}
                  items={byId}
                  selected={select.selected}
                  present={present}
                  onOpenDetails={side.openDetails}
                  onSplit={setSplittingId}
                  onError={(text) => show({ text, problem: true })}
                />
              </LazyPart>
            )}
          </div>
        </ScoreColumnsContext>
        <LazyPart fallback={null}>
          {dialog === 'help' && <HelpOverlay onClose={() => setDialog(null)} />}
          {dialog === 'prioritize' && (
            <PrioritizeDialog
              session={session}
              onClose={() => setDialog(null)}
              onRank={(framework) => {
                setDialog(null);
                setRanking(framework);
              }}
              onChart={() => {
                setDialog(null);
                setMode('chart');
              }}
            />
          )}
          {bulkEditing && (
            <BulkEditDialog
              session={session}
              ids={bulkEditing}
              epics={epics}
              labels={labels}
              frameworks={scoreColumns}
              onClose={() => setBulkEditing(null)}
              onDone={(undo) => {
                show({ text: `Changed ${bulkEditing.length} items`, action: { label: 'Undo', run: () => void undo() } });
                setBulkEditing(null);
              }}
            />
          )}
          {ranking && (
            <RankDialog
              session={session}
              framework={ranking}
              onClose={() => setRanking(null)}
              onApplied={(moved, undo) => {
                setRanking(null);
                show({ text: `Ranked by ${FRAMEWORK_NAMES[ranking]}: ${moved === 1 ? '1 item' : `${moved} items`} moved`, action: { label: 'Undo', run: () => void undo() } });
              }}
            />
          )}
          {dialog === 'invite' && <InviteDialog session={session} auth={auth} onClose={() => setDialog(null)} />}
          {dialog === 'summary' && <SummaryDialog session={session} onClose={() => setDialog(null)} />}
          {dialog === 'export' && (
            <ExportDialog session={session} shown={visible.length < items.length ? visible.map((item) => item.id) : null} selected={select.selected} onClose={() => setDialog(null)} />
          )}
          {importing && (
            <ImportDialog
              session={session}
              file={importing.file}
              selected={select.focusedId && byId.get(select.focusedId) ? { id: select.focusedId, title: byId.get(select.focusedId)!.title } : null}
              onClose={() => setImporting(null)}
              onImported={(result, undo) => {
                setImporting(null);
                show({ text: `Imported: ${result.added} added, ${result.updated} updated, ${result.unchanged} unchanged`, action: { label: 'Undo', run: () => void undo() } });
              }}
            />
          )}
          {splitting && (
            <SplitDialog
              item={splitting}
              onClose={() => setSplittingId(null)}
              onSplit={(titles) => {
                const ids = actions.split(splitting.id, titles, running);
                setSplittingId(null);
                // During a session the session panel stays; otherwise the first new item opens.
                if (!running && ids[0]) side.openDetails(ids[0]);
              }}
            />
          )}
        </LazyPart>
        {notice && <Toast key={notice.text} notice={notice} onDone={dismiss} />}
        </CycleMarks>
        </RefinementContext>
        </DiscussionContext>
        </WaitsContext>
      </ReadinessContext>
    </div>
  );
}
