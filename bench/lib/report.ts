/**
 * What a suite hands back: tables (the same cells are printed and written to JSON), the targets it was
 * measured against with a plain met / not met, and notes on how to read it (what was measured, from where
 * to where). Numbers stay numbers in the JSON so the README can quote them.
 */

export type Cell = string | number | boolean | null;

export interface Table {
  title: string;
  columns: string[];
  rows: Cell[][];
}

export interface Target {
  name: string;
  /** The goal, in words, e.g. "≤ 2 Graph round trips". */
  goal: string;
  measured: string;
  met: boolean;
}

export interface SuiteResult {
  id: string;
  title: string;
  tables: Table[];
  targets: Target[];
  notes: string[];
  durationMs: number;
}

/** What a suite runs with. */
export interface SuiteContext {
  quick: boolean;
  /** Progress lines go to stderr, so stdout holds only the report. */
  progress(line: string): void;
}

export interface Suite {
  id: string;
  title: string;
  run(context: SuiteContext): Promise<Omit<SuiteResult, 'id' | 'title' | 'durationMs'>>;
}
