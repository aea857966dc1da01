// The bench's one table (stdout) and the same as JSON (bench-results/latest.json).

export type Unit = 'req/s' | 'ms' | 's' | 'MB' | 'KB' | 'count';
export type Status = 'met' | 'MISSED' | 'reported' | 'not run';

export interface Figure {
  value: number;
  unit: Unit;
}

export interface Row {
  scenario: string;
  metric: string;
  value: Figure | null;
  /** What the value is compared with, measured in the same run (or a fixed limit). */
  baseline: (Figure & { label: string }) | null;
  /** value ÷ baseline. */
  ratio: number | null;
  goal: string;
  status: Status;
  /** Why a row was not run or missed, or anything the reader needs to read the figure right. */
  note?: string;
}

export interface Goal {
  text: string;
  /** Whether the goal is met, given the value and the ratio. */
  met: (value: number, ratio: number | null) => boolean;
}

/** A measured row; its status follows from the goal (no goal: "reported"). */
export function measured(
  scenario: string,
  metric: string,
  value: Figure,
  baseline: (Figure & { label: string }) | null,
  goal: Goal | null,
  note?: string,
): Row {
  const ratio = baseline && baseline.value > 0 ? value.value / baseline.value : null;
  const status: Status = goal ? (goal.met(value.value, ratio) ? 'met' : 'MISSED') : 'reported';
  return { scenario, metric, value, baseline, ratio, goal: goal?.text ?? 'reported', status, note };
}

/** A row whose scenario could not run: shown, with the reason, never left out. */
export function notRun(scenario: string, metric: string, goal: string, reason: string): Row {
  return { scenario, metric, value: null, baseline: null, ratio: null, goal, status: 'not run', note: reason };
}

/** A row whose goal was missed for a reason other than its number (e.g. errors during the run). */
export function missed(row: Row, reason: string): Row {
  return { ...row, status: 'MISSED', note: [row.note, reason].filter(Boolean).join('; ') };
}

export function formatFigure(f: Figure | null): string {
  if (!f) return '—';
  const v = f.value;
  switch (f.unit) {
    case 'req/s':
      return `${Math.round(v).toLocaleString('en-US')} req/s`;
    case 'ms':
      return `${v < 10 ? v.toFixed(2) : v < 100 ? v.toFixed(1) : Math.round(v).toLocaleString('en-US')} ms`;
    case 's':
      return `${v.toFixed(2)} s`;
    case 'MB':
      return `${v.toFixed(1)} MB`;
    case 'KB':
      return `${v.toFixed(1)} KB`;
    case 'count':
      return String(v);
  }
}

const width = (s: string) => [...s].reduce((n, ch) => n + (/[\u1100-\uffff]/.test(ch) && !/[—–·×≤≥→…]/.test(ch) ? 2 : 1), 0);
const pad = (s: string, n: number) => s + ' '.repeat(Math.max(0, n - width(s)));

export function renderTable(rows: Row[]): string {
  const header = ['scenario', 'metric', 'value', 'baseline', 'ratio', 'goal', 'result'];
  const cells = rows.map((r) => [
    r.scenario,
    r.metric,
    formatFigure(r.value),
    r.baseline ? `${formatFigure(r.baseline)} (${r.baseline.label})` : '—',
    r.ratio === null ? '—' : `${r.ratio < 0.01 && r.ratio > 0 ? r.ratio.toFixed(3) : r.ratio.toFixed(2)}×`,
    r.goal,
    r.status,
  ]);
  const widths = header.map((h, i) => Math.max(width(h), ...cells.map((c) => width(c[i]))));
  const line = (c: string[]) => `| ${c.map((x, i) => pad(x, widths[i])).join(' | ')} |`;
  const out = [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...cells.map(line)];
  const notes = rows.filter((r) => r.note).map((r) => `  · ${r.scenario} / ${r.metric}: ${r.note}`);
  if (notes.length) out.push('', 'Notes:', ...notes);
  return out.join('\n');
}

export function tally(rows: Row[]): Record<Status, number> {
  const t: Record<Status, number> = { met: 0, MISSED: 0, reported: 0, 'not run': 0 };
  for (const r of rows) t[r.status]++;
  return t;
}
