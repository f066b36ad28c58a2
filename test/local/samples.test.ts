import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log.js';
import { cardSamples } from '../../src/local/samples.js';

const logger = createLogger({ level: 'silent' });

describe('the card gallery\'s samples (real diagnoses against a private Entra stand-in)', () => {
  it('renders every tenant state, the seeds in their language, the re-verified card, help and need-more', async () => {
    const { items, notes } = await cardSamples({ canReachStandin: true, logger })();
    expect(notes).toEqual([]);
    const byId = new Map(items.map((s) => [s.id, s]));
    expect([...byId.keys()]).toEqual(
      expect.arrayContaining(['integrationAppRemoved-en', 'integrationAppRemoved-ja', 'integrationAppRemoved-fr', 'reverified-en', 'consentPartlyMissing-en', 'quarantined-en', 'auditLogForbidden-en', 'badClientSecret-en', 'healthy-en', 'paste-only-ja', 'help-en', 'need-more-en']),
    );
    for (const sample of items) {
      expect(sample.card, sample.id).toMatchObject({ type: 'AdaptiveCard', version: '1.3' });
      expect(Buffer.byteLength(JSON.stringify(sample.card)), sample.id).toBeLessThan(28_000);
      expect(JSON.stringify(sample.card), sample.id).not.toContain('Action.Execute');
    }
    expect(byId.get('integrationAppRemoved-en')?.markdown).toMatch(/broken/);
    expect(byId.get('integrationAppRemoved-ja')?.language).toBe('ja');
    expect(byId.get('reverified-en')?.markdown).toMatch(/healthy/);
    expect(JSON.stringify(byId.get('reverified-en')?.card)).toMatch(/What changed/);
    expect(byId.get('auditLogForbidden-en')?.markdown).not.toMatch(/healthy/);
  }, 60_000);

  it('says so instead of guessing when the stand-in cannot be reached (a real tenant without the local CA)', async () => {
    const { items, notes } = await cardSamples({ canReachStandin: false, logger })();
    expect(notes).toEqual([expect.stringContaining('demo tenant only')]);
    expect(items.map((s) => s.id)).toEqual(['paste-only-ja', 'paste-only-en', 'help-en', 'help-ja', 'help-fr', 'need-more-en']);
  });

  it('produces them once and reuses them', async () => {
    const get = cardSamples({ canReachStandin: false, logger });
    expect(get()).toBe(get());
  });
});
