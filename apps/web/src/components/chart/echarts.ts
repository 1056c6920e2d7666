import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, MarkPointComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

/**
 * Only the charts and components the dashboard draws: this module (and so ECharts) reaches the
 * browser with the dashboard's pages, never with the public ones.
 */
echarts.use([LineChart, BarChart, GridComponent, LegendComponent, TooltipComponent, MarkPointComponent, MarkLineComponent, CanvasRenderer]);

export { echarts };
export type { EChartsCoreOption } from 'echarts/core';
