import type { EChartsCoreOption } from '@/components/chart/echarts';
import type { Granularity } from './trends-filters';
import type { Pivot } from './trends-table';

export interface SpikeMark {
  /** First day of the spike's month (a month period). */
  period: string;
  /** The series it belongs to, when the chart is split that way; otherwise a line across the month. */
  group?: string;
  text: string;
}

const ALERT_COLOUR = '#c41d1d';
/** Colour-blind-safe palette (Okabe–Ito, then Tol's muted), darker shades kept for contrast. */
const PALETTE = ['#0072b2', '#d55e00', '#009e73', '#cc79a7', '#e69f00', '#56b4e9', '#332288', '#882255', '#117733', '#999933', '#44aa99', '#aa4499'];

/** The period still running, drawn as such: a shaded band with its words, so its low count is not read as a drop. */
export interface PartialMark {
  period: string;
  text: string;
}

/**
 * The time series: one line per group, NOT stacked (a stacked chart makes each line read as the sum
 * of those below it), spikes marked on their series or across their month, the running period shaded.
 */
export function seriesOption(grid: Pivot, granularity: Granularity, marks: SpikeMark[], partial?: PartialMark): EChartsCoreOption {
  const periods = grid.periods;
  const axis = periods.map((p) => (granularity === 'month' ? p.slice(0, 7) : p));
  const unplaced = marks.filter((m) => !m.group || !grid.groups.some((g) => g.code === m.group)).filter((m) => periods.includes(m.period));
  const running = partial && periods.includes(partial.period) ? axis[periods.indexOf(partial.period)] : undefined;
  return {
    color: PALETTE,
    animation: false,
    tooltip: { trigger: 'axis' },
    legend: { type: 'scroll', top: 0 },
    grid: { left: 48, right: 24, top: 48, bottom: 32 },
    xAxis: { type: 'category', data: axis, boundaryGap: false },
    yAxis: { type: 'value', minInterval: 1 },
    series: grid.groups.map((group, index) => {
      const own = marks.filter((m) => m.group === group.code && periods.includes(m.period));
      const data = periods.map((p) => grid.count.get(p)?.get(group.code) ?? 0);
      return {
        id: group.code,
        name: group.label,
        type: 'line',
        symbolSize: 7,
        triggerLineEvent: true,
        emphasis: { focus: 'series' },
        data,
        markPoint: own.length
          ? {
              symbol: 'pin',
              symbolSize: 48,
              itemStyle: { color: ALERT_COLOUR },
              label: { color: '#fff', fontSize: 10, formatter: own[0]!.text },
              data: own.map((m) => {
                const at = periods.indexOf(m.period);
                return { coord: [axis[at], data[at]], name: m.text };
              }),
            }
          : undefined,
        markLine:
          index === 0 && unplaced.length
            ? {
                symbol: 'none',
                lineStyle: { color: ALERT_COLOUR, type: 'dashed', width: 2 },
                label: { formatter: unplaced[0]!.text, color: ALERT_COLOUR },
                data: unplaced.map((m) => ({ xAxis: axis[periods.indexOf(m.period)] })),
              }
            : undefined,
        markArea:
          index === 0 && running
            ? {
                silent: true,
                itemStyle: { color: 'rgba(0, 0, 0, 0.06)' },
                label: { show: true, position: 'insideTop', color: '#434343', formatter: partial!.text },
                data: [[{ xAxis: axis[Math.max(0, periods.length - 2)] }, { xAxis: running }]],
              }
            : undefined,
      };
    }),
  };
}

/** Totals by province (or by agency within one), biggest on top. */
export function barOption(totals: { code: string; label: string; complaints: number }[], seriesName: string): EChartsCoreOption {
  const shown = [...totals].reverse();
  return {
    color: PALETTE,
    animation: false,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 48, top: 8, bottom: 24, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: shown.map((t) => t.label), axisLabel: { width: 180, overflow: 'truncate' } },
    series: [
      {
        id: 'totals',
        name: seriesName,
        type: 'bar',
        data: shown.map((t) => t.complaints),
        label: { show: true, position: 'right' },
      },
    ],
  };
}
