import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { advance, compare, observe, revert } from '../../src/watch/transitions.js';
import type { Observation, ObservedCheck, WatchSnapshot } from '../../src/watch/transitions.js';
import { APP, APP_DELETED, CONSENT, diagnosisOf, everything, HEALTHY, JOB, QUARANTINED } from './support/diagnoses.js';
import type { Results } from './support/diagnoses.js';

const T0 = '2025-05-21T09:00:00.000Z';
const T1 = '2025-05-21T10:00:00.000Z';
const T2 = '2025-05-21T11:00:00.000Z';

const seen = (results: Results): Observation => observe(diagnosisOf('t', results).findings);

describe('compare', () => {
  it('records a first run that passes as a silent baseline', () => {
    expect(compare(undefined, advance(undefined, seen(HEALTHY), T0))).toEqual({ alert: [], recovered: [] });
  });

  it('alerts once on a first run that already fails, because the admin asked to be told', () => {
    const first = advance(undefined, seen(APP_DELETED), T0);
    expect(compare(undefined, first)).toEqual({ alert: [{ checkId: APP, to: 'fail', seenAt: T0 }], recovered: [] });
    expect(compare(first, advance(first, seen(APP_DELETED), T1))).toEqual({ alert: [], recovered: [] });
  });

  it('alerts when a check turns from pass to fail, and recovers when it passes again', () => {
    const baseline = advance(undefined, seen(HEALTHY), T0);
    const broken = advance(baseline, seen(QUARANTINED), T1);
    expect(compare(baseline, broken)).toEqual({ alert: [{ checkId: JOB, from: 'pass', to: 'fail', seenAt: T1 }], recovered: [] });
    const fixed = advance(broken, seen(HEALTHY), T2);
    expect(compare(broken, fixed)).toEqual({ alert: [], recovered: [{ checkId: JOB, from: 'fail', to: 'pass', seenAt: T2 }] });
    expect(fixed.checks[JOB]).toEqual({ outcome: 'pass', since: T2 });
    expect(fixed.checks[APP]).toEqual({ outcome: 'pass', since: T0 });
  });

  it('says "the bot can no longer see" once when access breaks, whatever the blind reason becomes', () => {
    const baseline = advance(undefined, seen(HEALTHY), T0);
    const blind = advance(baseline, seen(everything('permission')), T1);
    const { alert } = compare(baseline, blind);
    expect(alert.map((c) => [c.checkId, c.from, c.to, c.reason])).toEqual([
      [APP, 'pass', 'blind', 'permission'],
      [CONSENT, 'pass', 'blind', 'permission'],
      [JOB, 'pass', 'blind', 'permission'],
    ]);
    const stillBlind = advance(blind, seen(everything('auth')), T2);
    expect(compare(blind, stillBlind)).toEqual({ alert: [], recovered: [] });
    expect(stillBlind.checks[APP]).toEqual({ outcome: 'blind', since: T1, reason: 'auth' });
    expect(compare(stillBlind, advance(stillBlind, seen(HEALTHY), T2)).recovered).toHaveLength(3);
  });

  it('keeps the last known state through throttling, timeouts, outages and moot checks', () => {
    const broken = advance(advance(undefined, seen(HEALTHY), T0), seen(APP_DELETED), T1);
    for (const hiccup of ['throttled', 'timeout', 'unreachable', 'error'] as const) {
      const next = advance(broken, seen(everything(hiccup)), T2);
      expect(next.checks).toEqual(broken.checks);
      expect(compare(broken, next)).toEqual({ alert: [], recovered: [] });
    }
    // The consent check was moot while the app was gone: it keeps its last real verdict.
    expect(broken.checks[CONSENT]).toEqual({ outcome: 'pass', since: T0 });
  });

  it('does not recover a check it never saw failing', () => {
    const hiccup = advance(undefined, seen(everything('throttled')), T0);
    expect(hiccup.checks).toEqual({});
    expect(compare(hiccup, advance(hiccup, seen(HEALTHY), T1))).toEqual({ alert: [], recovered: [] });
  });
});

describe('revert', () => {
  it('puts back undelivered checks as they were, and forgets those unknown before', () => {
    const baseline = advance(undefined, seen({ [APP]: 'pass' }), T0);
    const next = advance(baseline, seen({ [APP]: 'fail', [JOB]: 'fail' }), T1);
    const reverted = revert(next, baseline, [APP, JOB]);
    expect(reverted.checks).toEqual({ [APP]: { outcome: 'pass', since: T0 } });
    expect(compare(reverted, advance(reverted, seen({ [APP]: 'fail', [JOB]: 'fail' }), T2)).alert.map((c) => c.checkId)).toEqual([APP, JOB]);
  });
});

const observedCheck: fc.Arbitrary<ObservedCheck> = fc.oneof(
  fc.constantFrom<ObservedCheck>({ outcome: 'pass' }, { outcome: 'fail' }),
  fc.constantFrom('permission', 'throttled', 'timeout', 'unreachable', 'auth', 'error', 'prerequisite').map((kind): ObservedCheck => ({ outcome: 'unknown', unknown: kind })),
);
const observation = fc.dictionary(fc.constantFrom(APP, CONSENT, JOB, 'no-recent-removals'), observedCheck);

describe('properties', () => {
  it('never repeats itself: the same observation twice in a row changes nothing the second time', () => {
    fc.assert(
      fc.property(fc.option(observation, { nil: undefined }), observation, (before, now) => {
        const previous: WatchSnapshot | undefined = before === undefined ? undefined : advance(undefined, before, T0);
        const once = advance(previous, now, T1);
        const twice = advance(once, now, T2);
        expect(compare(once, twice)).toEqual({ alert: [], recovered: [] });
        expect(twice.checks).toEqual(once.checks);
      }),
    );
  });

  it('reports every change exactly once, as an alert or a recovery', () => {
    fc.assert(
      fc.property(observation, observation, (a, b) => {
        const first = advance(undefined, a, T0);
        const second = advance(first, b, T1);
        const { alert, recovered } = compare(first, second);
        const changed = Object.keys(second.checks).filter((id) => first.checks[id]?.outcome !== second.checks[id]?.outcome);
        const newlyPassing = changed.filter((id) => first.checks[id] === undefined && second.checks[id]?.outcome === 'pass');
        expect([...alert, ...recovered].map((c) => c.checkId).sort()).toEqual(changed.filter((id) => !newlyPassing.includes(id)).sort());
      }),
    );
  });
});
