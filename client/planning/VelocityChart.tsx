/**
 * Velocity per sprint (Apache ECharts, SVG): points done in each closed
 * sprint, the ones left out greyed, and the average of those counted.
 * Loaded with the Planning tab only.
 */
import { useMemo } from 'react';
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { AriaComponent, GridComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import type { SprintSnapshot } from '../../shared/index.js';
import { categoryAxes, chartColors, useEChart } from '../ui/useEChart.js';

echarts.use([BarChart, GridComponent, TooltipComponent, MarkLineComponent, AriaComponent, SVGRenderer]);

export function VelocityChart({ sprints, mean }: { sprints: readonly SprintSnapshot[]; mean: number | null }) {
  const closed = useMemo(() => sprints.filter((sprint) => sprint.state === 'closed' && sprint.donePoints !== null).sort((a, b) => (a.end < b.end ? -1 : 1)), [sprints]);
  const option = useMemo(() => {
    const { muted } = chartColors();
    return {
        animation: false,
        aria: { enabled: true },
        grid: { left: 36, right: 12, top: 16, bottom: 24 },
        tooltip: { trigger: 'axis' },
        ...categoryAxes(closed.map((sprint) => sprint.name)),
        series: [
          {
            type: 'bar',
            name: 'Points done',
            data: closed.map((sprint) => ({ value: sprint.donePoints, itemStyle: { color: sprint.excluded ? '#cbd5e1' : '#4f46e5' } })),
            ...(mean !== null && { markLine: { silent: true, symbol: 'none', label: { position: 'insideEndTop', formatter: `average ${Math.round(mean * 10) / 10}`, color: muted }, lineStyle: { color: muted, type: 'dashed' }, data: [{ yAxis: mean }] } }),
          },
        ],
    };
  }, [closed, mean]);
  const ref = useEChart(option);
  return <div ref={ref} className="velocity-chart" aria-label="Velocity per sprint" />;
}
