/**
 * Charts drawn by Chart.js on a canvas, each with a text alternative and a table of the same
 * figures beside it, so nothing is only in the picture.
 */
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip } from 'chart.js';
import { useEffect, useRef } from 'react';

Chart.register(LineController, LineElement, PointElement, BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

// GOV.UK colours: blue for the council, dark grey for England, orange for a target.
export const COLOURS = { council: '#1d70b8', england: '#505a5f', region: '#912b88', neighbours: '#00703c', target: '#f47738' };

export type Series = { label: string; values: (number | null)[]; colour: string; dashed?: boolean };

function useChart(kind: 'line' | 'bar', labels: string[], series: Series[], yTitle: string) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const key = JSON.stringify([kind, labels, series, yTitle]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the chart is rebuilt when its figures (the key) change
  useEffect(() => {
    if (!canvas.current) return;
    const chart = new Chart(canvas.current, {
      type: kind,
      data: {
        labels,
        datasets: series.map((s) => ({
          label: s.label,
          data: s.values,
          borderColor: s.colour,
          backgroundColor: s.colour,
          borderDash: s.dashed ? [6, 4] : [],
          spanGaps: true,
          tension: 0,
          pointRadius: kind === 'line' ? 3 : 0,
        })),
      },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        indexAxis: kind === 'bar' ? 'y' : 'x',
        plugins: { legend: { display: series.length > 1, position: 'bottom', labels: { font: { size: 14 } } } },
        scales: {
          [kind === 'bar' ? 'x' : 'y']: { beginAtZero: true, title: { display: !!yTitle, text: yTitle, font: { size: 14 } }, ticks: { font: { size: 13 } } },
          [kind === 'bar' ? 'y' : 'x']: { ticks: { font: { size: 13 } } },
        },
      },
    });
    return () => chart.destroy();
  }, [key]);
  return canvas;
}

export function LineChart({ labels, series, yTitle, description }: { labels: string[]; series: Series[]; yTitle: string; description: string }) {
  const canvas = useChart('line', labels, series, yTitle);
  return (
    <div className="lantern-chart">
      <canvas ref={canvas} role="img" aria-label={description} />
    </div>
  );
}

export function BarChart({ labels, series, yTitle, description }: { labels: string[]; series: Series[]; yTitle: string; description: string }) {
  const canvas = useChart('bar', labels, series, yTitle);
  return (
    <div className="lantern-chart" style={{ height: `${Math.max(12, labels.length * 2.4 + 6)}rem` }}>
      <canvas ref={canvas} role="img" aria-label={description} />
    </div>
  );
}
