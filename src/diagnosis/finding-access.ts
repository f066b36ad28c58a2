import type { Finding } from '../checks/types.js';

/** Findings by check id, with typed access to each check's details. */
export class FindingIndex {
  private readonly byId: ReadonlyMap<string, Finding>;

  constructor(readonly all: readonly Finding[]) {
    this.byId = new Map(all.map((f) => [f.checkId, f]));
  }

  get(checkId: string): Finding | undefined {
    return this.byId.get(checkId);
  }

  outcome(checkId: string): Finding['outcome'] | undefined {
    return this.byId.get(checkId)?.outcome;
  }

  /**
   * The check's details, typed as that check module declares them (`<Check>Details`). Findings are produced by
   * runChecks in this codebase, so the shape is the module's; a missing one is undefined.
   */
  details<T>(checkId: string): T | undefined {
    return this.byId.get(checkId)?.details as T | undefined;
  }
}
