/**
 * The health view's two charts, drawn by Apache ECharts as SVG: open items
 * by age (created and last changed) and the backlog's size over the last
 * 26 weeks. Loaded with the health view only.
 */
import { useMemo } from 'react';
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import { AGE_BUCKETS, type BacklogHealth } from '../../shared/index.js';
import { categoryAxes, chartColors, useEChart } from '../ui/useEChart.js';

echarts.use([BarChart, LineChart, GridComponent, TooltipComponent, LegendComponent, AriaComponent, SVGRenderer]);

const AGE_NAMES = [...AGE_BUCKETS.map((days, index) => (index === 0 ? `< ${days} d` : `${AGE_BUCKETS[index - 1]}–${days} d`)), `≥ ${AGE_BUCKETS.at(-1)} d`];

export function AgeChart({ ages }: { ages: BacklogHealth['ages'] }) {
  const option = useMemo(() => {
    const { text } = chartColors();
    return {
    animation: false,
    aria: { enabled: true },
    grid: { left: 36, right: 12, top: 30, bottom: 24 },
    legend: { top: 0, textStyle: { color: text } },
    tooltip: { trigger: 'axis' },
    ...categoryAxes(AGE_NAMES),
    series: [
      { type: 'bar', name: 'Created', data: ages.created, itemStyle: { color: '#94a3b8' } },
      { type: 'bar', name: 'Last changed', data: ages.changed, itemStyle: { color: '#4f46e5' } },
    ],
    };
  }, [ages]);
  const ref = useEChart(option);
  return <div ref={ref} className="health-chart" aria-label="Open items by age" />;
}

export function SizeChart({ sizes }: { sizes: BacklogHealth['sizeOverTime'] }) {
  const option = useMemo(() => {
    return {
    animation: false,
    aria: { enabled: true },
    grid: { left: 36, right: 12, top: 16, bottom: 24 },
    tooltip: { trigger: 'axis' },
    ...categoryAxes(sizes.map((week) => new Date(week.at).toLocaleDateString(undefined, { month: 'short', day: 'numeric' }))),
    series: [{ type: 'line', name: 'Open items', data: sizes.map((week) => week.size), showSymbol: false, areaStyle: { opacity: 0.12 }, itemStyle: { color: '#4f46e5' } }],
    };
  }, [sizes]);
  const ref = useEChart(option);
  return <div ref={ref} className="health-chart" aria-label="Backlog size over the last 26 weeks" />;
}
