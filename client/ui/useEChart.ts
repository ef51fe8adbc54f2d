/**
 * An Apache ECharts chart in a div, drawn as SVG: made once, resized with
 * its box, redrawn whole when `option` changes (memoize it), disposed with
 * the component. `onData` gets the data of a clicked point. Each chart file
 * registers the chart types and components it uses (echarts.use).
 */
import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { isDarkNow } from './theme.js';

export function useEChart(option: echarts.EChartsCoreOption, onData?: (data: unknown) => void) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const onDataRef = useRef(onData);
  onDataRef.current = onData;
  useEffect(() => {
    const instance = echarts.init(ref.current!, undefined, { renderer: 'svg' });
    chart.current = instance;
    instance.on('click', (params) => onDataRef.current?.(params.data));
    const resize = new ResizeObserver(() => instance.resize());
    resize.observe(ref.current!);
    return () => {
      resize.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);
  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);
  return ref;
}

/** Text, secondary text and grid-line colors for the current theme. */
export function chartColors() {
  const dark = isDarkNow();
  return { text: dark ? '#e5e7eb' : '#1f2937', muted: dark ? '#9ca3af' : '#6b7280', line: dark ? '#374151' : '#e5e7eb' };
}

/** A category x axis over `categories` and a whole-number value y axis, in the theme's colors: the board's bar and line charts share them. */
export function categoryAxes(categories: readonly string[]) {
  const { muted, line } = chartColors();
  return {
    xAxis: { type: 'category', data: categories, axisLabel: { color: muted }, axisLine: { lineStyle: { color: line } } },
    yAxis: { type: 'value', minInterval: 1, axisLabel: { color: muted }, splitLine: { lineStyle: { color: line } } },
  };
}
