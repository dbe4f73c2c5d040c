import { BarChart, LineChart } from '@mantine/charts';
import type { ChartSpec } from './reportCharts';

type ReportChartProps = {
  spec: ChartSpec;
  /** What the chart shows, for screen readers (the table beside it has the figures). */
  label: string;
};

const lineChartHeight = 220;
/** Bars are horizontal, so the chart grows with its categories and every label shows. */
const barHeight = 36;
const barAxisHeight = 56;

/** One report's chart: horizontal bars for categories (long labels stay readable), lines for months. */
export function ReportChart({ spec, label }: ReportChartProps) {
  const series = spec.series.map((item) => ({ ...item }));
  const data = spec.data.map((row) => ({ ...row }));
  const valueFormatter = spec.percent ? (value: number) => `${value}%` : undefined;
  return (
    <div role="img" aria-label={label}>
      {spec.kind === 'lines' ? (
        <LineChart
          h={lineChartHeight}
          data={data}
          dataKey="label"
          series={series}
          withLegend
          curveType="linear"
          tickLine="y"
          yAxisProps={{ width: 40 }}
        />
      ) : (
        <BarChart
          h={data.length * barHeight + barAxisHeight}
          data={data}
          dataKey="label"
          series={series}
          orientation="vertical"
          type={spec.kind === 'stacked-bars' ? 'stacked' : 'default'}
          withLegend={spec.kind === 'stacked-bars'}
          valueFormatter={valueFormatter}
          yAxisProps={{ width: 170, interval: 0 }}
          xAxisProps={spec.percent ? { domain: [0, 100] } : { allowDecimals: false }}
          gridAxis="x"
          maxBarWidth={18}
        />
      )}
    </div>
  );
}
