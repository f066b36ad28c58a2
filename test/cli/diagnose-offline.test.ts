/**
 * `azure-ad-doctor diagnose` where no tenant is reached: bad settings, paste-only diagnoses, nothing to diagnose,
 * usage errors and help. Nothing here opens a socket: a settings error stops the run before any request.
 */
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli.js';
import { translate } from '../../src/i18n/translate.js';
import { pasteFixture } from '../intake/support.js';
import { fakeIo, type FakeIo } from './fake-io.js';

const EN_DEBUG_INFO = 'test/fixtures/pastes/en-debug-info.txt';
const TENANT = '6b367a19-67ea-4146-8158-302f95e0846a';
const CLIENT = '0d8a486a-140a-4a05-8df0-ba99373773a6';
const SECRET = 'Sup3r~Secret.Value-that-must-never-print';

async function diagnose(args: string[], env: Record<string, string> | undefined, options: { stdin?: string[]; tty?: boolean } = {}): Promise<{ code: number; io: FakeIo }> {
  const io = { ...fakeIo(options.stdin ?? [], { tty: options.tty ?? options.stdin === undefined }), env };
  return { code: await runCli(['diagnose', ...args], io), io };
}

describe('azure-ad-doctor diagnose: settings', () => {
  it.each([
    [{ AZURE_TENANT_ID: 'contoso.onmicrosoft.com' }, /AZURE_TENANT_ID: expected a GUID/],
    [{ AZURE_TENANT_ID: TENANT }, /AZURE_CLIENT_ID: expected the app registration \(client\) id/],
    [{ AZURE_TENANT_ID: TENANT, AZURE_CLIENT_ID: CLIENT }, /AZURE_CLIENT_SECRET: expected the client secret/],
    [{ AZURE_CLIENT_ID: CLIENT, AZURE_CLIENT_SECRET: SECRET }, /AZURE_TENANT_ID: expected required with AZURE_CLIENT_ID/],
    [{ AZURE_TENANT_ID: TENANT, AZURE_CLIENT_ID: CLIENT, AZURE_CLIENT_SECRET: SECRET, AZURE_AUTHORITY_HOST: 'https://login.example.test/common' }, /AZURE_AUTHORITY_HOST: expected an https:\/\/ origin without a path/],
    [{ AZURE_TENANT_ID: TENANT, AZURE_CLIENT_ID: CLIENT, AZURE_CLIENT_SECRET: SECRET, GRAPH_BASE_URL: 'http://graph.example.test' }, /GRAPH_BASE_URL: expected an https:\/\/ URL/],
    [{ AZURE_TENANT_ID: TENANT, AZURE_CLIENT_ID: CLIENT, AZURE_CLIENT_SECRET: SECRET, AUDIT_LOOKBACK_DAYS: '90' }, /AUDIT_LOOKBACK_DAYS: expected at most 30/],
  ])('exits 2 for %j, naming the variable and what it expects, before reading the paste', async (env, message) => {
    const { code, io } = await diagnose([], env, { stdin: ['pasted text'] });
    expect(code).toBe(2);
    expect(io.err()).toMatch(message);
    expect(io.err()).toContain('Fix these environment variables');
    expect(io.out()).toBe('');
    expect(io.chunksRead()).toBe(0);
    expect(io.err()).not.toContain(SECRET);
  });
});

describe('azure-ad-doctor diagnose: paste only', () => {
  it('diagnoses from the paste alone when no AZURE_* is set, and says so; exit 3', async () => {
    for (const env of [{}, undefined]) {
      const { code, io } = await diagnose([EN_DEBUG_INFO], env);
      expect(code).toBe(3);
      expect(io.out()).toMatch(/^❌ Azure AD integration is broken\nRead from your paste only: no Entra tenant is connected/);
      expect(io.out()).toContain('- Paste only: no Entra tenant is configured, so nothing was checked live. To check your tenant, set AZURE_TENANT_ID');
      expect(io.out()).toContain('No live checks ran.');
      // No tenant known: Microsoft's own sign-in host and "common", as the card would offer.
      expect(io.out()).toContain('\n    https://login.microsoftonline.com/common/adminconsent?client_id=90db942a-c1eb-4e8d-82e4-eebf64a7e2ae\n');
      expect(io.err()).toBe('azure-ad-doctor: paste only: no AZURE_TENANT_ID is set, so no tenant was checked live.\n');
    }
  });

  it('reads a piped paste without "-" and answers in the language --lang asks for', async () => {
    const { code, io } = await diagnose(['--lang', 'ja'], {}, { stdin: [pasteFixture('en-debug-info.txt')], tty: false });
    expect(code).toBe(3);
    expect(io.out()).toContain(translate({ key: 'ui.diagnosis.verdict.broken' }, 'ja'));
    expect(io.out()).toContain(translate({ key: 'ui.diagnosis.scopePasteOnly' }, 'ja'));
  });

  it('accepts a regional tag for --lang (pt-BR is Portuguese)', async () => {
    const { code, io } = await diagnose(['--lang', 'pt-BR', EN_DEBUG_INFO], {});
    expect(code).toBe(3);
    expect(io.out()).toContain(translate({ key: 'ui.diagnosis.verdict.broken' }, 'pt'));
  });

  it('exits 1 with nothing to diagnose: no paste, or a paste with no error in it, and no tenant', async () => {
    const none = await diagnose([], {});
    expect(none.code).toBe(1);
    expect(none.io.err()).toMatch(/nothing to diagnose: no paste, and no tenant is configured/);
    const chatter = await diagnose(['-'], {}, { stdin: ['thanks, all good now'] });
    expect(chatter.code).toBe(1);
    expect(chatter.io.err()).toMatch(/nothing to diagnose: nothing in the paste looks like/);
    expect(none.io.out() + chatter.io.out()).toBe('');
  });
});

describe('azure-ad-doctor diagnose: usage', () => {
  it.each([
    [['--lang', 'xx', EN_DEBUG_INFO], /Unknown language "xx": use one of en, ja, fr/],
    [['a.txt', 'b.txt'], /Expected one FILE, got 2/],
    [['--nope'], /Unknown option '--nope'/],
    [['test/fixtures/pastes/no-such-file.txt'], /Cannot read test\/fixtures\/pastes\/no-such-file.txt: no such file/],
  ])('exits 2 for %j', async (args, message) => {
    const { code, io } = await diagnose(args, {});
    expect(code).toBe(2);
    expect(io.err()).toMatch(message);
    expect(io.out()).toBe('');
  });

  it('documents its options and exit codes in --help, and is listed in the program help', async () => {
    const { code, io } = await diagnose(['--help'], {});
    expect(code).toBe(0);
    expect(io.out()).toMatch(/^Usage: azure-ad-doctor diagnose \[FILE\|-\] \[--json\] \[--lang xx\]/);
    expect(io.out()).toMatch(/Exit codes: 0 healthy, 3 broken \(a cause was found\), 4 inconclusive[\s\S]*1 nothing to diagnose[\s\S]*2 usage error, bad settings/);
    expect(io.out()).toContain('AZURE_TENANT_ID');
    const program = fakeIo();
    expect(await runCli(['--help'], program)).toBe(0);
    expect(program.out()).toMatch(/\n {2}diagnose {2}Check your Entra tenant against a pasted Control Hub error/);
    expect(program.out()).toMatch(/3 broken \(diagnose\), 4 inconclusive \(diagnose\)/);
  });
});
