import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { projectPath } from '../../src/paths.js';
import { pasteFixture, SEED_TRACKING_ID } from '../intake/support.js';

/** The executable itself: a real process, stdin piped, exit code observed. One run: starting node is slow. */
describe('the azure-ad-doctor executable', () => {
  it('reads stdin, prints JSON and exits 0 for a diagnosable paste', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', projectPath('src', 'cli', 'main.ts'), 'parse', '--json'], {
      cwd: projectPath(),
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
    child.stdin.end(pasteFixture('seed-ja.txt'));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(JSON.parse(out)).toMatchObject({ diagnosable: true, evidence: { trackingIds: [SEED_TRACKING_ID], language: 'ja' } });
  });
});
