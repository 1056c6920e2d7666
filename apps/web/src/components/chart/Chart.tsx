import { useEffect, useRef } from 'react';
import { echarts, type EChartsCoreOption } from './echarts';

export interface ChartClick {
  seriesId?: string;
  name: string;
  dataIndex: number;
}

interface Props {
  option: EChartsCoreOption;
  /** Says what the chart shows; the numbers themselves are in the table beside it. */
  label: string;
  onClick?: (click: ChartClick) => void;
  height?: number;
  testId?: string;
}

/** An ECharts canvas that follows its container's width and redraws in place when the option changes. */
export function Chart({ option, label, onClick, height = 360, testId }: Props) {
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts>(undefined);
  const click = useRef(onClick);
  useEffect(() => {
    click.current = onClick;
  }, [onClick]);

  useEffect(() => {
    if (!element.current) return;
    const instance = echarts.init(element.current, undefined, { renderer: 'canvas' });
    chart.current = instance;
    instance.on('click', (params) => {
      const event = params as { seriesId?: string; name: string; dataIndex: number };
      click.current?.({ seriesId: event.seriesId, name: event.name, dataIndex: event.dataIndex });
    });
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element.current);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = undefined;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  // The names of the series drawn, for the browser tests (a canvas has no text to read).
  const series = Array.isArray(option.series) ? (option.series as { name?: string; stack?: string }[]) : [];
  return <div ref={element} role="img" aria-label={label} className="chart" style={{ height }} data-testid={testId} data-series={series.map((s) => s.name ?? '').join('|')} data-stacked={series.some((s) => s.stack) ? 'true' : 'false'} />;
}
