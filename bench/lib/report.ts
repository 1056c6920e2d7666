/** One measured figure, with its baseline and target where it has them. */
export interface Figure {
  name: string;
  value: number;
  unit: string;
  baseline?: { name: string; value: number };
  /** e.g. ratio >= 0.6, value < 50 */
  target?: { kind: 'ratio-at-least' | 'ratio-at-most' | 'value-below'; value: number; text: string };
}

export function ratioOf(figure: Figure): number | undefined {
  return figure.baseline ? figure.value / figure.baseline.value : undefined;
}

export function met(figure: Figure): boolean | undefined {
  if (!figure.target) return undefined;
  const ratio = ratioOf(figure);
  switch (figure.target.kind) {
    case 'ratio-at-least':
      return ratio !== undefined && ratio >= figure.target.value;
    case 'ratio-at-most':
      return ratio !== undefined && ratio <= figure.target.value;
    case 'value-below':
      return figure.value < figure.target.value;
  }
}

export function printTable(figures: Figure[]): void {
  const rows = figures.map((f) => {
    const ratio = ratioOf(f);
    const verdict = met(f);
    return [
      f.name,
      `${round(f.value)} ${f.unit}`,
      f.baseline ? `${round(f.baseline.value)} ${f.unit} (${f.baseline.name})` : '',
      ratio === undefined ? '' : `${round(ratio)}x`,
      f.target ? `${f.target.text} ${verdict ? 'met' : 'MISSED'}` : '',
    ];
  });
  const header = ['figure', 'value', 'baseline', 'ratio', 'target'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  console.log(`\n${line(header)}\n|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const row of rows) console.log(line(row));
}

function round(value: number): string {
  return value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2);
}
