import type { Cell, SuiteResult, Table } from './report.js';
import type { Machine } from './machine.js';

/** Plain-text rendering of the report for stdout: aligned columns, numbers right-aligned. */

function text(cell: Cell): string {
  if (cell === null) return '–';
  if (typeof cell === 'boolean') return cell ? 'yes' : 'no';
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell.toLocaleString('en-US', { maximumFractionDigits: 3 }) : '–';
  return cell;
}

export function renderTable(table: Table): string {
  const cells = table.rows.map((row) => row.map(text));
  const widths = table.columns.map((header, i) => Math.max(header.length, ...cells.map((row) => (row[i] ?? '').length)));
  const numeric = table.columns.map((_, i) => table.rows.every((row) => typeof row[i] === 'number' || row[i] === null));
  const line = (values: string[]): string =>
    values.map((value, i) => (numeric[i] ? value.padStart(widths[i] ?? 0) : value.padEnd(widths[i] ?? 0))).join('  ').trimEnd();
  return [`  ${table.title}`, `  ${line(table.columns)}`, `  ${widths.map((w) => '-'.repeat(w)).join('  ')}`, ...cells.map((row) => `  ${line(row)}`)].join('\n');
}

export function renderSuite(result: SuiteResult): string {
  const parts = [`\n## ${result.title}  (${(result.durationMs / 1000).toFixed(1)} s)`];
  for (const table of result.tables) parts.push(renderTable(table));
  if (result.targets.length > 0) {
    parts.push(
      renderTable({
        title: 'Targets',
        columns: ['target', 'goal', 'measured', 'met'],
        rows: result.targets.map((t) => [t.name, t.goal, t.measured, t.met ? 'MET' : 'NOT MET']),
      }),
    );
  }
  for (const note of result.notes) parts.push(`  * ${note}`);
  return parts.join('\n\n');
}

export function renderHeader(machine: Machine, mode: string): string {
  return [
    `# Azure AD Doctor benchmarks (${mode} run, ${machine.measuredAt})`,
    `  machine: ${machine.cpus} × ${machine.cpuModel}, ${machine.totalMemoryGiB} GiB RAM, ${machine.os}`,
    `  node ${machine.node}; load average at start ${machine.loadAverage.join(' / ')} (1/5/15 min)`,
  ].join('\n');
}
