import { describe, expect, it } from 'vitest';
import { readPaste } from '../../src/intake/index.js';
import { excerpt, loadPasteExamples } from '../../src/local/examples.js';
import { withBotMention } from '../../src/local/space-session.js';

const WEBEX_MAX_BYTES = 7439;

describe('the "Insert example" pastes', () => {
  const examples = loadPasteExamples();
  const byId = new Map(examples.map((e) => [e.id, e]));

  it('offers the Japanese and French seeds and the English toast, each small enough for one Webex message', () => {
    expect([...byId.keys()]).toEqual(expect.arrayContaining(['seed-ja', 'seed-fr', 'toast-en']));
    for (const e of examples) expect(Buffer.byteLength(e.text, 'utf8'), e.id).toBeLessThanOrEqual(WEBEX_MAX_BYTES);
  });

  it('keeps the seeds\' own language and the whole debug block (what the bot needs to diagnose)', () => {
    for (const [id, language] of [['seed-ja', 'ja'], ['seed-fr', 'fr']] as const) {
      const evidence = readPaste(byId.get(id)?.text ?? '');
      expect(evidence.language, id).toBe(language);
      expect(evidence.trackingIds, id).toContain('ATLAS_497d70df-8811-4b6b-9b6a-ef4f438b57f6_136');
      expect(evidence.webexErrorCodes, id).toContain('701018');
      expect(evidence.httpStatus, id).toBe(401);
    }
    expect(byId.get('seed-fr')?.text).not.toContain('The screenshot shows');
  });

  it('leaves out an example whose fixture is missing instead of failing', () => {
    expect(loadPasteExamples('/nonexistent')).toEqual([]);
  });

  it('excerpt: from a line through the first line starting with a marker, blank runs squeezed', () => {
    expect(excerpt('intro\nStart\n\n\n\nbody\nMessage: end\nafter', 'Start', 'Message:')).toBe('Start\n\nbody\nMessage: end');
    expect(excerpt('no start here', 'Start', 'Message:')).toBeUndefined();
    expect(excerpt('Start\nno end', 'Start', 'Message:')).toBeUndefined();
  });
});

describe('withBotMention', () => {
  it('turns each "@<bot name>" into a Webex mention, case-insensitively', () => {
    expect(withBotMention('@Azure AD Doctor check, thanks @azure ad doctor', 'BOT', 'Azure AD Doctor')).toBe(
      '<@personId:BOT|Azure AD Doctor> check, thanks <@personId:BOT|Azure AD Doctor>',
    );
  });

  it('leaves text without a mention alone (undefined), and treats the name literally', () => {
    expect(withBotMention('no mention here', 'BOT', 'Azure AD Doctor')).toBeUndefined();
    expect(withBotMention('@AzureXAD Doctor', 'BOT', 'Azure.AD Doctor')).toBeUndefined();
  });
});
