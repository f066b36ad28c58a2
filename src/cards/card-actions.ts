import type { ReverifyAction } from './types.js';

const MAX_DIAGNOSIS_ID_LENGTH = 200;

/**
 * Reads a card button press (the `inputs` of a Webex attachmentAction). The press comes back from the client,
 * so it is checked like any input: only our Re-verify shape, with a sane id, is recognised.
 */
export function readReverifyAction(inputs: unknown): ReverifyAction | undefined {
  if (typeof inputs !== 'object' || inputs === null) return undefined;
  const { action, diagnosisId } = inputs as Record<string, unknown>;
  if (action !== 'reverify' || typeof diagnosisId !== 'string') return undefined;
  if (diagnosisId.length === 0 || diagnosisId.length > MAX_DIAGNOSIS_ID_LENGTH || !/^[\w.:=+/-]+$/.test(diagnosisId)) return undefined;
  return { action, diagnosisId };
}
