/**
 * Burn-ups (Apache ECharts, SVG): the active sprint by day (scope, done,
 * the ideal pace, today marked) and the release by sprint (done, scope, and
 * the forecast range between 50 % and 85 % until it meets the scope). The
 * figures come from shared/planning/burnup.ts, computed from the props, so
 * the charts follow every change anyone makes. Each has a one-line summary,
 * a table for screen readers, and data- attributes tests read. Loaded with
 * the Planning tab only.
 */
import { useEffect, useMemo, useState } from 'react';
import * as echarts from 'echarts/core';
import { LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import { releaseBurnup, sprintBurnup, type CoveredLines, type ItemSnapshot, type ReleaseBurnup, type SprintBurnup, type SprintSnapshot } from '../../shared/index.js';
import { UserText } from '../ui/UserText.js';
import { shorten } from '../ui/text.js';
import { isDarkNow } from '../ui/theme.js';
import { chartColors, useEChart } from '../ui/useEChart.js';
import type { PlanFigures } from './planFigures.js';

echarts.use([LineChart, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent, SVGRenderer]);

const round = (value: number) => Math.round(value * 10) / 10;
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
/** Today as the burn-ups count days: in UTC. */
const todayUtc = () => new Date().toISOString().slice(0, 10);
const dayText = (day: string, year = false) =>
  new Date(`${day}T00:00:00Z`).toLocaleDateString(undefined, { month: 'short', day: 'numeric', timeZone: 'UTC', ...(year && { year: 'numeric' }) });

/** Whether the page shows dark, followed as the theme changes (the chart colors are drawn from it). */
function useDark(): boolean {
  const [dark, setDark] = useState(isDarkNow);
  useEffect(() => {
    const update = () => setDark(isDarkNow());
    const media = window.matchMedia('(prefers-color-scheme: dark)');
    media.addEventListener('change', update);
    const observer = new MutationObserver(update);
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
    return () => {
      media.removeEventListener('change', update);
      observer.disconnect();
    };
  }, []);
  return dark;
}

/** Series colors that read on both themes, with the theme's text and grid colors. */
function palette(dark: boolean) {
  return { ...chartColors(), done: dark ? '#a5b4fc' : '#4f46e5', scope: dark ? '#fbbf24' : '#b45309', forecast: dark ? '#34d399' : '#059669' };
}
type Palette = ReturnType<typeof palette>;

/** What both charts share: no animation (they redraw on every edit), the axes, the legend and an axis tooltip of plain lines. */
function baseOption(colors: Palette, labels: string[], tooltip: (index: number) => string[]) {
  return {
    animation: false,
    textStyle: { fontFamily: 'inherit' },
    grid: { left: 40, right: 16, top: 44, bottom: 28 },
    legend: { top: 0, itemWidth: 16, itemHeight: 8, textStyle: { color: colors.muted, fontSize: 11 } },
    tooltip: {
      trigger: 'axis',
      formatter: (params: { dataIndex: number }[]) => tooltip(params[0]?.dataIndex ?? 0).map(escapeHtml).join('<br>'),
    },
    xAxis: { type: 'category', boundaryGap: false, data: labels, axisLabel: { color: colors.muted, hideOverlap: true }, axisLine: { lineStyle: { color: colors.line } } },
    yAxis: { type: 'value', minInterval: 1, axisLabel: { color: colors.muted }, splitLine: { lineStyle: { color: colors.line } } },
  };
}

const todayLine = (colors: Palette, at: string) => ({
  silent: true,
  symbol: 'none',
  label: { formatter: 'today', color: colors.muted, position: 'end', distance: 2 },
  lineStyle: { color: colors.muted, type: 'dashed' },
  data: [{ xAxis: at }],
});

function sprintOption(burnup: SprintBurnup, colors: Palette): echarts.EChartsCoreOption {
  const labels = burnup.days.map((day) => dayText(day));
  const tooltip = (i: number) => {
    const lines = [dayText(burnup.days[i]!, true)];
    if (burnup.scope[i] === null) return [...lines, 'not yet', `ideal ${round(burnup.ideal[i]!)} points`];
    lines.push(`done ${burnup.done[i]} of ${burnup.scope[i]} points`, `ideal ${round(burnup.ideal[i]!)} points`);
    if (burnup.unestimated.scope[i]) lines.push(`not estimated: ${burnup.unestimated.done[i]} of ${burnup.unestimated.scope[i]} items done`);
    return lines;
  };
  return {
    ...baseOption(colors, labels, tooltip),
    series: [
      { type: 'line', name: 'Scope', data: burnup.scope, color: colors.scope, symbolSize: 5, lineStyle: { width: 2 } },
      {
        type: 'line',
        name: 'Done',
        data: burnup.done,
        color: colors.done,
        symbolSize: 5,
        lineStyle: { width: 2 },
        areaStyle: { opacity: 0.2 },
        ...(burnup.today !== null && { markLine: todayLine(colors, labels[burnup.today]!) }),
      },
      { type: 'line', name: 'Ideal', data: burnup.ideal.map(round), color: colors.muted, symbol: 'none', lineStyle: { width: 1, type: 'dashed' } },
    ],
  };
}

function releaseOption(burnup: ReleaseBurnup, colors: Palette): echarts.EChartsCoreOption {
  const labels = burnup.points.map((point) => (point.kind === 'closed' ? shorten(point.label, 14) : point.kind === 'today' ? 'Today' : dayText(point.label)));
  const tooltip = (i: number) => {
    const point = burnup.points[i]!;
    const lines = [point.kind === 'closed' ? shorten(point.label, 60) : point.kind === 'today' ? `Today, ${dayText(point.label, true)}` : `Sprint ending ${dayText(point.label, true)}`];
    if (point.done !== null) lines.push(`done ${round(point.done)} of ${round(point.scope)} points`);
    else lines.push(`scope ${round(point.scope)} points`);
    if (point.kind === 'coming') lines.push(`forecast ${round(point.likely!)} (50 %) to ${round(point.safe!)} (85 %)`);
    return lines;
  };
  const forecastLine = { type: 'line', color: colors.forecast, symbol: 'none', lineStyle: { width: 1.5, type: 'dashed' } };
  const today = labels[burnup.points.findIndex((point) => point.kind === 'today')]!;
  const base = baseOption(colors, labels, tooltip);
  return {
    ...base,
    legend: { ...base.legend, data: ['Scope', 'Done', 'Forecast 50 %', 'Forecast 85 %'] },
    series: [
      { type: 'line', name: 'Scope', data: burnup.points.map((point) => round(point.scope)), color: colors.scope, symbolSize: 5, lineStyle: { width: 2 } },
      { type: 'line', name: 'Done', data: burnup.points.map((point) => point.done), color: colors.done, symbolSize: 5, lineStyle: { width: 2 }, areaStyle: { opacity: 0.2 }, markLine: todayLine(colors, today) },
      // The range: the 85 % line, and stacked on it the gap up to the 50 % line, shaded.
      { ...forecastLine, name: 'Forecast 85 %', stack: 'range', data: burnup.points.map((point) => point.safe) },
      {
        type: 'line',
        name: 'range',
        stack: 'range',
        symbol: 'none',
        silent: true,
        lineStyle: { opacity: 0 },
        areaStyle: { color: colors.forecast, opacity: 0.22 },
        data: burnup.points.map((point) => (point.likely === null || point.safe === null ? null : point.likely - point.safe)),
      },
      { ...forecastLine, name: 'Forecast 50 %', data: burnup.points.map((point) => point.likely) },
    ],
  };
}

/** The same object as long as its content is the same (compared as JSON), so what depends on it is not redone. */
function useStable<T>(value: T): T {
  const key = JSON.stringify(value);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  return useMemo(() => value, [key]);
}

function SprintChart({ sprint, items, today, colors }: { sprint: SprintSnapshot; items: readonly ItemSnapshot[]; today: string; colors: Palette }) {
  // Redrawn only when the figures change, not on every keystroke that gives the items a new identity.
  const burnup = useStable(useMemo(() => sprintBurnup(items, sprint, { today }), [items, sprint, today]));
  const ref = useEChart(useMemo(() => sprintOption(burnup, colors), [burnup, colors]));
  const latest = burnup.latest;
  const summary = latest
    ? `${latest.done} of ${latest.scope} points done${latest.unestimated.scope > 0 ? ` · ${latest.unestimated.done} of ${latest.unestimated.scope} unestimated items done` : ''}`
    : `starts ${dayText(sprint.start, true)}`;
  const shown = burnup.days.map((day, i) => ({ day, i })).filter(({ i }) => burnup.scope[i] !== null);
  return (
    <figure className="burnup" aria-label={`${sprint.name} burn-up`} data-burnup-sprint={sprint.id} data-burnup-done={latest?.done ?? ''} data-burnup-scope={latest?.scope ?? ''}>
      <figcaption>
        <strong>
          <UserText text={sprint.name} max={40} />
        </strong>{' '}
        <span className="muted">{summary}</span>
      </figcaption>
      <div ref={ref} className="burnup-chart" role="img" aria-label={`Sprint burn-up by day: ${summary}`} />
      <table className="sr-only">
        <caption>{sprint.name}: points in the sprint and done, by day</caption>
        <thead>
          <tr>
            <th>Day</th>
            <th>Scope</th>
            <th>Done</th>
            <th>Unestimated items done</th>
          </tr>
        </thead>
        <tbody>
          {shown.map(({ day, i }) => (
            <tr key={day}>
              <td>{day}</td>
              <td>{burnup.scope[i]}</td>
              <td>{burnup.done[i]}</td>
              <td>
                {burnup.unestimated.done[i]} of {burnup.unestimated.scope[i]}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}

function ReleaseChart({ sprints, items, covered, today, colors }: { sprints: readonly SprintSnapshot[]; items: readonly ItemSnapshot[]; covered: CoveredLines | null; today: string; colors: Palette }) {
  const burnup = useStable(useMemo(() => releaseBurnup(sprints, items, covered, { today }), [sprints, items, covered, today]));
  const ref = useEChart(useMemo(() => releaseOption(burnup, colors), [burnup, colors]));
  const { likely, safe } = burnup.reaches;
  const forecast =
    likely !== null && safe !== null
      ? likely === safe
        ? ` · all done by ${dayText(likely)} (50 % and 85 %)`
        : ` · all done likely by ${dayText(likely)}, almost surely by ${dayText(safe)}`
      : covered !== null && covered.likely.length > 0
        ? ' · not all done within the forecast'
        : '';
  const summary = `${round(burnup.done)} of ${round(burnup.scope)} points done${forecast}`;
  return (
    <figure className="burnup" aria-label="Release burn-up" data-release-done={round(burnup.done)} data-release-scope={round(burnup.scope)} data-release-reaches={`${likely ?? ''}:${safe ?? ''}`}>
      <figcaption>
        <strong>Release</strong> <span className="muted">{summary}</span>
      </figcaption>
      <div ref={ref} className="burnup-chart" role="img" aria-label={`Release burn-up by sprint: ${summary}`} />
      <table className="sr-only">
        <caption>Release: points done and in scope by sprint, then the forecast at 50 % and 85 %</caption>
        <thead>
          <tr>
            <th>Sprint</th>
            <th>Done</th>
            <th>Scope</th>
            <th>Forecast 50 %</th>
            <th>Forecast 85 %</th>
          </tr>
        </thead>
        <tbody>
          {burnup.points.map((point, i) => (
            <tr key={`${point.kind}:${point.label}:${i}`}>
              <td>{point.kind === 'closed' ? point.label : point.kind === 'today' ? `today (${point.label})` : `ending ${point.label}`}</td>
              <td>{point.done === null ? '' : round(point.done)}</td>
              <td>{round(point.scope)}</td>
              <td>{point.likely === null ? '' : round(point.likely)}</td>
              <td>{point.safe === null ? '' : round(point.safe)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}

/**
 * Both burn-ups from the plan's figures, the sprints and the forecast's
 * covered-points lines (null: no forecast). The sprint one shows while a
 * sprint is active; the release one once a sprint has closed or a forecast
 * exists.
 */
export function BurnupCharts({ plan, sprints, covered }: { plan: PlanFigures; sprints: readonly SprintSnapshot[]; covered: CoveredLines | null }) {
  const dark = useDark();
  const colors = useMemo(() => palette(dark), [dark]);
  const today = todayUtc();
  // The items the burn-ups read: the product backlog and the open sprints (the done items of closed sprints are in
  // their donePoints).
  const items = useMemo(() => [...plan.backlog, ...plan.open.flatMap((open) => open.items)], [plan]);
  const active = plan.open.find((open) => open.sprint.state === 'active');
  const release = sprints.some((sprint) => sprint.state === 'closed') || (covered !== null && covered.likely.length > 0);
  if (!active && !release) return null;
  return (
    <div className="burnups">
      {active && <SprintChart sprint={active.sprint} items={active.items} today={today} colors={colors} />}
      {release && <ReleaseChart sprints={sprints} items={items} covered={covered} today={today} colors={colors} />}
    </div>
  );
}
