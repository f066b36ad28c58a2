/**
 * The watch's own messages: the `status` answer, and the alert / recovery / "fix landed" cards, in en/ja/fr.
 * The cards are real diagnoses under a headline: still valid Adaptive Cards 1.3, and whatever the tenant id or a
 * check id holds renders as inert text.
 */
import { describe, expect, it } from 'vitest';
import { unescapeMarkdown } from '../../src/cards/escape.js';
import { WEBEX_MARKDOWN_MAX_BYTES } from '../../src/cards/index.js';
import { renderWatchEvent, renderWatchStatus } from '../../src/cards/render-watch.js';
import type { Diagnosis } from '../../src/diagnosis/types.js';
import type { Language } from '../../src/i18n/message.js';
import type { CheckChange } from '../../src/watch/transitions.js';
import type { RoomWatchStatus, WatchEvent } from '../../src/watch/types.js';
import { diagnoseTenant } from '../diagnosis/support.js';
import { HOSTILE } from '../fixtures/diagnoses.js';
import { scenarios } from '../fixtures/tenant/scenarios.js';
import { cardProblems, markdownTexts } from './validate-card.js';

const LANGUAGES: Language[] = ['en', 'ja', 'fr'];
const APP = 'integration-app-present';
const REMOVALS = 'no-recent-removals';
const SEEN_AT = '2023-05-22T09:01:00.000Z';

const healthy = diagnoseTenant(scenarios.healthy());
const removed = diagnoseTenant(scenarios.removedRestorable());
const auditForbidden = diagnoseTenant(scenarios.auditForbidden());
const TENANT = removed.tenantId ?? '';

/** What each language's headline says, per kind of news. */
const HEADLINES: Record<Language & ('en' | 'ja' | 'fr'), Record<string, string>> = {
  en: { alert: 'something changed', first: 'already has a problem', recovery: 'back to normal', partial: 'Partly recovered:', 'fix-seen': 'The fix landed:' },
  ja: { alert: '変化がありました', first: 'すでに問題があります', recovery: '正常に戻りました', partial: '一部復旧:', 'fix-seen': '修正を確認しました:' },
  fr: { alert: 'quelque chose a changé', first: 'a déjà un problème', recovery: 'revenu à la normale', partial: 'Rétabli en partie :', 'fix-seen': 'La correction est en place :' },
};

function change(checkId: string, from: CheckChange['from'], to: CheckChange['to'], reason?: CheckChange['reason']): CheckChange {
  return { checkId, to, seenAt: SEEN_AT, ...(from === undefined ? {} : { from }), ...(reason === undefined ? {} : { reason }) };
}

function event(kind: WatchEvent['kind'], diagnosis: Diagnosis, changes: CheckChange[], options: { first?: boolean; tenantId?: string } = {}): WatchEvent {
  return {
    kind,
    roomId: 'room-1',
    tenantId: options.tenantId ?? TENANT,
    diagnosis,
    changes,
    ...(kind === 'fix-seen' ? { parentId: 'message-1' } : {}),
    ...(options.first || kind === 'fix-seen' ? {} : { previous: { at: '2023-05-22T08:00:00.000Z', checks: {} } }),
  };
}

/** The card's first TextBlock: where the headline must be. */
function firstText(card: object): string {
  const body = (card as { body?: { type?: string; text?: string }[] }).body ?? [];
  return body[0]?.type === 'TextBlock' ? (body[0].text ?? '') : '';
}

const EVENTS: { name: string; headline: string; event: WatchEvent; shows: string }[] = [
  { name: 'alert', headline: 'alert', event: event('alert', removed, [change(APP, 'pass', 'fail'), change(REMOVALS, 'pass', 'fail')]), shows: '❌' },
  { name: 'alert on the first run', headline: 'first', event: event('alert', removed, [change(APP, undefined, 'fail')], { first: true }), shows: '❌' },
  { name: 'alert: the bot can no longer see', headline: 'alert', event: event('alert', auditForbidden, [change(REMOVALS, 'pass', 'blind', 'permission')]), shows: '⚠️' },
  { name: 'recovery', headline: 'recovery', event: event('recovery', healthy, [change(APP, 'fail', 'pass')]), shows: '✅' },
  { name: 'recovery while something still fails', headline: 'partial', event: event('recovery', removed, [change(REMOVALS, 'fail', 'pass')]), shows: '✅' },
  { name: 'fix seen', headline: 'fix-seen', event: event('fix-seen', healthy, [change(APP, 'fail', 'pass')]), shows: '✅' },
];

describe('renderWatchEvent', () => {
  for (const { name, headline, event: watchEvent, shows } of EVENTS) {
    for (const language of LANGUAGES) {
      it(`${name} (${language}): headline first, what changed, the diagnosis card, valid 1.3, Markdown within Webex's limit`, () => {
        const rendered = renderWatchEvent(watchEvent, { language, diagnosisId: 'watch-1' });
        const card = rendered.card as object;
        expect(cardProblems(card)).toEqual([]);
        expect((card as { version?: string }).version).toBe('1.3');
        const expected = HEADLINES[language as 'en' | 'ja' | 'fr'][headline] ?? '';
        expect(unescapeMarkdown(firstText(card))).toContain(expected);
        expect(firstText(card)).toContain(TENANT);
        expect(rendered.markdown.split('\n')[0]).toBe(firstText(card));
        // What changed, by the check's name (not its id), with its new state's icon.
        const texts = markdownTexts(card).join('\n');
        expect(texts).toContain(`${shows} `);
        expect(texts).not.toContain(`${shows} ${watchEvent.changes[0]?.checkId ?? ''}`);
        // The Re-verify button still carries the stored diagnosis id.
        expect(JSON.stringify(card)).toContain('"diagnosisId":"watch-1"');
        expect(Buffer.byteLength(rendered.markdown)).toBeLessThanOrEqual(WEBEX_MARKDOWN_MAX_BYTES);
        expect(`${JSON.stringify(card)}${rendered.markdown}`).not.toMatch(/\bui\.[a-zA-Z]+\.[a-zA-Z]/);
      });
    }
  }

  it('says why the bot went blind, never that the check passes', () => {
    const rendered = renderWatchEvent(EVENTS[2]?.event as WatchEvent, { language: 'en', diagnosisId: 'watch-2' });
    expect(rendered.markdown).toContain('Could not check: Microsoft Graph denied the bot access.');
    expect(rendered.markdown).not.toMatch(/Recovered|back to normal/);
  });

  it('a recovery with something still failing does not say "back to normal"', () => {
    const rendered = renderWatchEvent(EVENTS[4]?.event as WatchEvent, { language: 'en', diagnosisId: 'watch-3' });
    expect(rendered.markdown).not.toContain('back to normal');
    expect(rendered.markdown).toContain('still need attention');
  });

  it('renders a hostile tenant id and an unknown hostile check id as inert text', () => {
    const hostile = `${HOSTILE.link} ${HOSTILE.bold} ${HOSTILE.script} ${HOSTILE.mention} ${HOSTILE.heading}`;
    for (const language of LANGUAGES) {
      const rendered = renderWatchEvent(event('alert', removed, [change(HOSTILE.link, 'pass', 'fail')], { tenantId: hostile }), { language, diagnosisId: 'watch-4' });
      const card = rendered.card as object;
      expect(cardProblems(card)).toEqual([]);
      for (const text of [...markdownTexts(card), rendered.markdown]) {
        expect(text).not.toMatch(/\[click\]\(/);
        expect(text).not.toContain('**pwned**');
        expect(text).not.toContain('<script>');
        expect(text).not.toContain('<@all>');
        expect(text).not.toMatch(/^# /m);
      }
      // ...and still shows them, so nothing is hidden from the reader.
      const shown = unescapeMarkdown(`${firstText(card)}\n${rendered.markdown}`);
      expect(shown).toContain(HOSTILE.link);
      expect(shown).toContain(HOSTILE.script);
    }
  });
});

describe('renderWatchStatus', () => {
  const status: RoomWatchStatus = {
    watches: [
      {
        tenantId: TENANT,
        orgId: 'org-1',
        watchedBy: 'person-1',
        watchedSince: '2023-05-20T08:00:00.000Z',
        lastRunAt: '2023-05-22T09:00:00.000Z',
        lastFailureAt: '2023-05-22T09:05:00.000Z',
        checks: [
          { checkId: APP, outcome: 'pass', since: '2023-05-20T08:00:00.000Z', checkedAt: '2023-05-22T09:00:00.000Z' },
          { checkId: REMOVALS, outcome: 'unknown', unknown: 'throttled', since: '2023-05-22T09:00:00.000Z', checkedAt: '2023-05-22T09:00:00.000Z' },
          { checkId: 'provisioning-job-healthy', outcome: 'fail', since: '2023-05-21T09:00:00.000Z', checkedAt: '2023-05-22T09:00:00.000Z' },
        ],
      },
    ],
    closeWatches: [{ tenantId: TENANT, parentId: 'message-1', until: '2023-05-22T09:30:00.000Z', targets: [APP] }],
  };

  const HEADERS: Record<'en' | 'ja' | 'fr', string> = { en: '**Watching** (checks every 5 minutes)', ja: '**監視中**（5 分ごとにチェック）', fr: '**Surveillance active** (vérification toutes les 5 minutes)' };

  for (const language of LANGUAGES) {
    it(`lists the tenant, the last run, every check with its outcome, and the close watch (${language})`, () => {
      const { markdown, card } = renderWatchStatus(status, language, 5);
      expect(card).toBeUndefined();
      expect(markdown.startsWith(HEADERS[language as 'en' | 'ja' | 'fr'])).toBe(true);
      expect(markdown).toContain(TENANT);
      const checkLines = markdown.split('\n').filter((line) => line.startsWith('- '));
      expect(checkLines).toHaveLength(4); // three checks, one awaited by the close watch
      expect(checkLines[0]).toMatch(/^- ✅ /);
      expect(checkLines[1]).toMatch(/^- ⚠️ /);
      expect(checkLines[2]).toMatch(/^- ❌ /);
      expect(markdown).not.toContain(`${APP}`); // names, not ids
      expect(markdown).not.toMatch(/\bui\.[a-zA-Z]+\.[a-zA-Z]/);
    });
  }

  it('gives an unknown check its reason: never shown as healthy', () => {
    const { markdown } = renderWatchStatus(status, 'en', 5);
    const line = markdown.split('\n').find((l) => l.startsWith('- ⚠️')) ?? '';
    expect(line).toContain('Could not check: Microsoft Graph throttled the bot.');
  });

  it('says when the newest run failed, and "not yet" before the first run', () => {
    expect(renderWatchStatus(status, 'en', 5).markdown).toContain('Last run failed at');
    const fresh: RoomWatchStatus = { watches: [{ ...(status.watches[0] as RoomWatchStatus['watches'][number]), lastRunAt: undefined, lastFailureAt: undefined, checks: [] }], closeWatches: [] };
    const { markdown } = renderWatchStatus(fresh, 'en', 5);
    expect(markdown).toContain('Last run: not yet.');
    expect(markdown).not.toContain('Last run failed');
  });

  it('shows the interval it is given, 60 minutes by default', () => {
    expect(renderWatchStatus(status, 'en').markdown).toContain('checks every 60 minutes');
    expect(renderWatchStatus(status, 'en', 0.05).markdown).toContain('checks every 0.05 minutes');
  });

  it('renders a hostile tenant id as inert text', () => {
    const hostile = `${HOSTILE.link} ${HOSTILE.bold} ${HOSTILE.mention}`;
    const first = status.watches[0] as RoomWatchStatus['watches'][number];
    const { markdown } = renderWatchStatus({ watches: [{ ...first, tenantId: hostile }], closeWatches: [] }, 'fr', 5);
    expect(markdown).not.toMatch(/\[click\]\(/);
    expect(markdown).not.toContain('**pwned**');
    expect(markdown).not.toContain('<@all>');
    expect(unescapeMarkdown(markdown)).toContain(hostile);
  });
});
