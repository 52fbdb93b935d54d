// One benchmark figure: a ratio against its baseline measured in the same run, absolute values beside it.
export interface Figure {
  id: string; // P1…P7
  name: string;
  value: number;
  unit: string;
  baseline?: { name: string; value: number };
  /** value / baseline.value when there is a baseline. */
  ratio?: number;
  target: string;
  /** Whether the target was met in this run. */
  met: boolean;
  notes?: string;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

export function formatTable(figures: Figure[]): string {
  const rows = figures.map((f) => [
    f.id,
    f.name,
    `${round(f.value)} ${f.unit}`,
    f.baseline ? `${f.baseline.name}: ${round(f.baseline.value)} ${f.unit}` : '',
    f.ratio === undefined ? '' : `${round(f.ratio)}×`,
    f.target,
    f.met ? 'met' : 'NOT met',
  ]);
  const head = ['id', 'figure', 'value', 'baseline', 'ratio', 'target', ''];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join('  ');
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}
