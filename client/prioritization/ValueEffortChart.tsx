/**
 * Value against effort: every open item with both as a point, colored by
 * epic, labelled where labels do not collide (hover shows every title),
 * split into the four quadrants. It redraws as people edit; clicking a
 * point opens the item. Drawn by Apache ECharts as SVG; a table of the same
 * points follows it for screen readers.
 */
import { useMemo } from 'react';
import * as echarts from 'echarts/core';
import { ScatterChart } from 'echarts/charts';
import { GraphicComponent, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent, AriaComponent } from 'echarts/components';
import { LabelLayout } from 'echarts/features';
import { SVGRenderer } from 'echarts/renderers';
import { QUADRANT_NAMES, type ItemSnapshot, type Quadrant } from '../../shared/index.js';
import { shorten } from '../ui/text.js';
import { isDarkNow } from '../ui/theme.js';
import { useEChart } from '../ui/useEChart.js';
import { SPLIT_DRAWN, chartGroups, type ChartGroup, type ChartPoint } from './chartPoints.js';

echarts.use([ScatterChart, GridComponent, TooltipComponent, LegendComponent, MarkLineComponent, GraphicComponent, AriaComponent, LabelLayout, SVGRenderer]);

const PALETTE = ['#4f46e5', '#0891b2', '#16a34a', '#d97706', '#db2777', '#7c3aed', '#0d9488', '#dc2626', '#2563eb', '#65a30d'];
const NO_EPIC = '#94a3b8';
const QUADRANT_CORNERS: [Quadrant, 'left' | 'right', 'top' | 'bottom'][] = [
  ['quick-win', 'left', 'top'],
  ['big-bet', 'right', 'top'],
  ['filler', 'left', 'bottom'],
  ['time-sink', 'right', 'bottom'],
];

/** An epic keeps its color whatever other epics come and go: it is drawn from its id. */
function epicColor(epicId: string): string {
  let hash = 0;
  for (let i = 0; i < epicId.length; i++) hash = (Math.imul(hash, 31) + epicId.charCodeAt(i)) | 0;
  return PALETTE[Math.abs(hash) % PALETTE.length]!;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

function chartOption(groups: ChartGroup[], dark: boolean): echarts.EChartsCoreOption {
  const text = dark ? '#e5e7eb' : '#1f2937';
  const muted = dark ? '#9ca3af' : '#6b7280';
  const line = dark ? '#374151' : '#e5e7eb';
  const maxEffort = Math.max(20, ...groups.flatMap((group) => group.points.map((point) => point.x)));
  const axis = (name: string, max: number) => ({
    type: 'log',
    logBase: 2,
    min: 0.5,
    max: Math.ceil(max * 1.15),
    name,
    nameLocation: 'middle',
    nameGap: 28,
    nameTextStyle: { color: muted },
    // Ticks fall on powers of two; the one below 1 is only room for the smallest points.
    axisLabel: { color: muted, formatter: (value: number) => (value >= 1 ? String(value) : '') },
    splitLine: { lineStyle: { color: line } },
    axisLine: { lineStyle: { color: line } },
  });
  return {
    animation: false,
    aria: { enabled: true },
    textStyle: { fontFamily: 'inherit' },
    grid: { left: 56, right: 24, top: 40, bottom: 48 },
    legend: { type: 'scroll', top: 4, textStyle: { color: text }, pageTextStyle: { color: muted } },
    tooltip: {
      trigger: 'item',
      formatter: (params: { data: { point: ChartPoint } }) => {
        const { point } = params.data;
        return `<strong>${escapeHtml(shorten(point.title, 120))}</strong><br>value ${point.value} · effort ${point.effort}<br>${QUADRANT_NAMES[point.quadrant]}`;
      },
    },
    xAxis: axis('Effort (job size or estimate)', maxEffort),
    yAxis: { ...axis('Value', 20), nameGap: 36 },
    graphic: QUADRANT_CORNERS.map(([quadrant, left, top]) => ({
      type: 'text',
      [left]: left === 'left' ? 64 : 32,
      [top]: top === 'top' ? 44 : 56,
      style: { text: QUADRANT_NAMES[quadrant].replace(/^an? /, ''), fill: muted, fontSize: 12, fontWeight: 600, opacity: 0.8 },
      silent: true,
    })),
    series: groups.map((group, index) => ({
      type: 'scatter',
      name: group.name,
      symbolSize: 9,
      itemStyle: { color: group.epicId === null ? NO_EPIC : epicColor(group.epicId), opacity: 0.85 },
      emphasis: { focus: 'series', label: { show: true } },
      label: { show: true, position: 'right', color: text, fontSize: 11, formatter: (params: { data: { point: ChartPoint } }) => shorten(params.data.point.title, 28) },
      labelLayout: { hideOverlap: true },
      data: group.points.map((point) => ({ value: [point.x, point.y], point, id: point.id })),
      ...(index === 0 && {
        markLine: {
          silent: true,
          symbol: 'none',
          label: { show: false },
          lineStyle: { color: muted, type: 'dashed', opacity: 0.6 },
          data: [{ xAxis: SPLIT_DRAWN }, { yAxis: SPLIT_DRAWN }],
        },
      }),
    })),
  };
}

export function ValueEffortChart({ items, byId, onOpen }: { items: readonly ItemSnapshot[]; byId: ReadonlyMap<string, ItemSnapshot>; onOpen: (id: string) => void }) {
  const dark = isDarkNow();
  const groups = useMemo(() => chartGroups(items, byId), [items, byId]);
  const option = useMemo(() => chartOption(groups, dark), [groups, dark]);
  const ref = useEChart(option, (data) => {
    const point = (data as { point?: ChartPoint } | undefined)?.point;
    if (point) onOpen(point.id);
  });

  const points = groups.flatMap((group) => group.points.map((point) => ({ point, epic: group.name })));
  const counts = new Map<Quadrant, number>();
  for (const { point } of points) counts.set(point.quadrant, (counts.get(point.quadrant) ?? 0) + 1);
  return (
    <section className="value-effort" aria-label="Value against effort">
      <p className="chart-summary" data-points={points.length}>
        {points.length === 0
          ? 'No open item has both a value and an effort yet: set them in the item panel (effort defaults to the estimate).'
          : `${points.length} items: ${QUADRANT_CORNERS.map(([quadrant]) => `${counts.get(quadrant) ?? 0} ${QUADRANT_NAMES[quadrant].replace(/^an? /, '')}${(counts.get(quadrant) ?? 0) === 1 ? '' : 's'}`).join(', ')}`}
      </p>
      <div ref={ref} className="chart" />
      <table className="sr-only" aria-label="Items by value and effort">
        <thead>
          <tr>
            <th>Item</th>
            <th>Epic</th>
            <th>Value</th>
            <th>Effort</th>
            <th>Quadrant</th>
          </tr>
        </thead>
        <tbody>
          {points.map(({ point, epic }) => (
            <tr key={point.id} data-point-id={point.id}>
              <td>{point.title}</td>
              <td>{epic}</td>
              <td>{point.value}</td>
              <td>{point.effort}</td>
              <td>{QUADRANT_NAMES[point.quadrant].replace(/^an? /, '')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
