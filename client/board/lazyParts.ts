/**
 * Parts of the board screen that most visits never show (a running grooming
 * session, the dialogs), loaded when first shown. The service worker
 * precaches every chunk, so they open offline too; splitting them off keeps
 * the first paint of a board quick.
 */
import { lazy } from 'react';

export const GroomingPanel = lazy(() => import('../grooming/GroomingPanel.js').then((module) => ({ default: module.GroomingPanel })));
export const SessionBar = lazy(() => import('../grooming/SessionBar.js').then((module) => ({ default: module.SessionBar })));
export const SummaryDialog = lazy(() => import('../grooming/SummaryDialog.js').then((module) => ({ default: module.SummaryDialog })));
export const InviteDialog = lazy(() => import('./InviteDialog.js').then((module) => ({ default: module.InviteDialog })));
export const HelpOverlay = lazy(() => import('./HelpOverlay.js').then((module) => ({ default: module.HelpOverlay })));
export const SplitDialog = lazy(() => import('./SplitDialog.js').then((module) => ({ default: module.SplitDialog })));
export const ImportDialog = lazy(() => import('../import/ImportDialog.js').then((module) => ({ default: module.ImportDialog })));
export const ExportDialog = lazy(() => import('../export/ExportDialog.js').then((module) => ({ default: module.ExportDialog })));
export const PrioritizeDialog = lazy(() => import('../prioritization/PrioritizeDialog.js').then((module) => ({ default: module.PrioritizeDialog })));
export const RankDialog = lazy(() => import('../prioritization/RankDialog.js').then((module) => ({ default: module.RankDialog })));
export const ValueEffortChart = lazy(() => import('../prioritization/ValueEffortChart.js').then((module) => ({ default: module.ValueEffortChart })));
export const BulkEditDialog = lazy(() => import('./BulkEditDialog.js').then((module) => ({ default: module.BulkEditDialog })));
export const HealthView = lazy(() => import('../health/HealthView.js').then((module) => ({ default: module.HealthView })));
