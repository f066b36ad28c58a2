import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli.js';
import { evidenceSchema, pasteFixture, SEED_TRACKING_ID } from '../intake/support.js';
import { fakeIo } from './fake-io.js';

const SEED_JA = 'test/fixtures/pastes/seed-ja.txt';

describe('azure-ad-doctor parse', () => {
  it('reads a seed from a file and prints what it found and what it did not', async () => {
    const io = fakeIo();
    expect(await runCli(['parse', SEED_JA], io)).toBe(0);
    expect(io.out()).toContain(`Tracking ID         ${SEED_TRACKING_ID}`);
    expect(io.out()).toContain('Language of the message: Japanese (ja)');
    expect(io.out()).toContain('Not found: AADSTS error, Entra tenant ID');
    expect(io.err()).toBe('');
  });

  it('reads a seed from stdin, given "-" or nothing, in chunks that split characters', async () => {
    const bytes = Buffer.from(pasteFixture('seed-fr.txt'), 'utf8');
    const chunks = [bytes.subarray(0, 1001), bytes.subarray(1001)]; // 1001 falls inside a multi-byte character
    for (const args of [['parse', '-'], ['parse']]) {
      const io = fakeIo(chunks);
      expect(await runCli(args, io)).toBe(0);
      expect(io.out()).toContain('Language of the message: French (fr)');
    }
  });

  it('tells a terminal user how to end the paste', async () => {
    const io = fakeIo([SEED_TRACKING_ID], { tty: true });
    expect(await runCli(['parse'], io)).toBe(0);
    expect(io.err()).toMatch(/Ctrl-D/);
  });

  it('prints {diagnosable, evidence} with --json', async () => {
    const io = fakeIo();
    expect(await runCli(['parse', '--json', SEED_JA], io)).toBe(0);
    const printed = JSON.parse(io.out()) as { diagnosable: unknown; evidence: unknown };
    expect(Object.keys(printed)).toEqual(['diagnosable', 'evidence']);
    expect(printed.diagnosable).toBe(true);
    const evidence = evidenceSchema.parse(printed.evidence);
    expect(evidence).toMatchObject({ trackingIds: [SEED_TRACKING_ID], httpStatus: 401, language: 'ja' });
  });

  it('exits 1 when nothing is diagnosable', async () => {
    const io = fakeIo(['thanks, all good now']);
    expect(await runCli(['parse', '--json'], io)).toBe(1);
    expect(JSON.parse(io.out())).toMatchObject({ diagnosable: false, evidence: { trackingIds: [] } });
  });

  it('decodes a UTF-16 file with a byte order mark, as Windows editors save it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'aad-doctor-cli-'));
    try {
      const path = join(dir, 'utf16.txt');
      await writeFile(path, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(pasteFixture('toast-ja.txt'), 'utf16le')]));
      const io = fakeIo();
      expect(await runCli(['parse', path], io)).toBe(0);
      expect(io.out()).toContain('Language of the message: Japanese (ja)');
    } finally {
      await rm(dir, { recursive: true });
    }
  });
});

describe('azure-ad-doctor errors and help', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'aad-doctor-cli-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true });
  });

  it.each([
    [['parse', '--nope'], /Unknown option '--nope'/],
    [['parse', 'a.txt', 'b.txt'], /Expected one FILE, got 2/],
    [['parse', 'test/fixtures/pastes/no-such-file.txt'], /Cannot read test\/fixtures\/pastes\/no-such-file.txt: no such file/],
    [['parse', 'test/fixtures'], /it is not a file/],
    [['frobnicate'], /unknown command "frobnicate"/],
  ])('exits 2 for %j with a message on stderr', async (args, message) => {
    const io = fakeIo();
    expect(await runCli(args, io)).toBe(2);
    expect(io.err()).toMatch(message);
    expect(io.out()).toBe('');
  });

  it('refuses a file over 2 MiB without reading it', async () => {
    const path = join(dir, 'big.txt');
    await writeFile(path, Buffer.alloc(2 * 1024 * 1024 + 1, 0x61));
    const io = fakeIo();
    expect(await runCli(['parse', path], io)).toBe(2);
    expect(io.err()).toMatch(/2,097,153 bytes, over the 2 MiB this reader accepts/);
    expect(io.err()).toMatch(/Copy Debug Info/);
  });

  it('stops reading stdin once it is over 2 MiB', async () => {
    const chunk = 'a'.repeat(1024 * 1024);
    const io = fakeIo([chunk, chunk, chunk, chunk, chunk]);
    expect(await runCli(['parse'], io)).toBe(2);
    expect(io.chunksRead()).toBe(3);
    expect(io.err()).toMatch(/larger than the 2 MiB/);
  });

  it('prints help: the command list on --help (exit 0), on stderr without a command (exit 2)', async () => {
    const asked = fakeIo();
    expect(await runCli(['--help'], asked)).toBe(0);
    expect(asked.out()).toMatch(/Commands:\n {2}parse +Show what a pasted Control Hub error contains/);
    expect(asked.out()).toMatch(/Exit codes: 0 .*1 .*2 /);
    const bare = fakeIo();
    expect(await runCli([], bare)).toBe(2);
    expect(bare.err()).toContain('Usage: azure-ad-doctor <command>');
  });

  it('prints a command\'s own help with "parse --help" and "help parse"', async () => {
    for (const args of [['parse', '--help'], ['help', 'parse']]) {
      const io = fakeIo();
      expect(await runCli(args, io)).toBe(0);
      expect(io.out()).toMatch(/^Usage: azure-ad-doctor parse \[FILE\|-\] \[--json\]/);
    }
  });
});
