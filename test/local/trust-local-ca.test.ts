import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decideCaTrust, LOCAL_CA_PATH, RELAUNCH_MARKER } from '../../src/local/trust-local-ca.js';
import { projectPath } from '../../src/paths.js';

const CA = readFileSync(LOCAL_CA_PATH, 'utf8');
const files: Record<string, string> = {
  [LOCAL_CA_PATH]: CA,
  '/etc/corp/bundle.pem': `-----BEGIN CERTIFICATE-----\nMIIcorp\n-----END CERTIFICATE-----\n${CA}`,
  '/etc/corp/only-corp.pem': '-----BEGIN CERTIFICATE-----\nMIIcorp\n-----END CERTIFICATE-----\n',
};
const decide = (env: Record<string, string | undefined>, realTenant = false, cwd = '/work') =>
  decideCaTrust({ realTenant, env, caPath: LOCAL_CA_PATH, cwd, readText: (p) => files[p] });

describe('decideCaTrust: when local mode must re-launch itself to trust the demo tenant\'s CA', () => {
  it('never touches anything with a real tenant', () => {
    expect(decide({}, true)).toEqual({ kind: 'not-needed' });
    expect(decide({ NODE_EXTRA_CA_CERTS: '/etc/corp/only-corp.pem' }, true)).toEqual({ kind: 'not-needed' });
  });

  it('is satisfied when NODE_EXTRA_CA_CERTS names the CA, relatively, absolutely or in a bundle', () => {
    expect(decide({ NODE_EXTRA_CA_CERTS: LOCAL_CA_PATH })).toEqual({ kind: 'trusted' });
    expect(decide({ NODE_EXTRA_CA_CERTS: 'src/local/standins/tls/ca.pem' }, false, projectPath())).toEqual({ kind: 'trusted' });
    expect(decide({ NODE_EXTRA_CA_CERTS: '/etc/corp/bundle.pem' })).toEqual({ kind: 'trusted' });
  });

  it('re-launches with the CA (keeping the environment) when it is not trusted yet', () => {
    for (const env of [{ PATH: '/bin' }, { PATH: '/bin', NODE_EXTRA_CA_CERTS: '/etc/corp/only-corp.pem' }, { PATH: '/bin', NODE_EXTRA_CA_CERTS: '/missing.pem' }]) {
      expect(decide(env)).toEqual({ kind: 'relaunch', env: { ...env, NODE_EXTRA_CA_CERTS: LOCAL_CA_PATH, [RELAUNCH_MARKER]: '1' } });
    }
  });

  it('does not loop: a re-launched child that still lacks the CA fails with a reason', () => {
    expect(decide({ [RELAUNCH_MARKER]: '1' })).toMatchObject({ kind: 'cannot-trust', reason: expect.stringContaining('still does not see') });
    const noCa = decideCaTrust({ realTenant: false, env: {}, caPath: '/nowhere/ca.pem', cwd: '/', readText: () => undefined });
    expect(noCa).toMatchObject({ kind: 'cannot-trust', reason: expect.stringContaining('/nowhere/ca.pem') });
  });
});

const PROBE = projectPath('test/local/fixtures/relaunch-probe.ts');

/** Runs the probe as `node --import tsx probe.ts …args` without NODE_EXTRA_CA_CERTS. */
function runProbe(args: string[]) {
  const { NODE_EXTRA_CA_CERTS: _ca, [RELAUNCH_MARKER]: _marker, ...env } = process.env;
  const child = spawn(process.execPath, ['--import', 'tsx', PROBE, ...args], { env, cwd: projectPath(), stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  const exited = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
  const report = async () => {
    const [code] = await exited;
    const line = stdout.split('\n').find((l) => l.startsWith('{'));
    return { code, report: line === undefined ? undefined : (JSON.parse(line) as { ca: string | null; pid: number }) };
  };
  return { child, stdoutSoFar: () => stdout, report };
}

describe('ensureLocalCaTrusted in a real process', () => {
  it('runs the same program again with the CA trusted and exits with the child\'s code', async () => {
    const { child, report } = runProbe(['demo', 'exit', '7']);
    const { code, report: seen } = await report();
    expect(code).toBe(7);
    expect(seen?.ca).toBe(LOCAL_CA_PATH);
    expect(seen?.pid).not.toBe(child.pid); // the report came from the re-launched child
  }, 20_000);

  it('forwards SIGTERM to the child', async () => {
    const probe = runProbe(['demo', 'wait']);
    const deadline = Date.now() + 15_000;
    while (!probe.stdoutSoFar().includes('waiting') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    probe.child.kill('SIGTERM');
    const { code } = await probe.report();
    expect(code).toBe(42); // the child's own SIGTERM handler chose 42
  }, 20_000);

  it('leaves a process checking a real tenant alone', async () => {
    const { child, report } = runProbe(['real', 'exit', '0']);
    const { code, report: seen } = await report();
    expect(code).toBe(0);
    expect(seen).toEqual({ ca: null, pid: child.pid });
  }, 20_000);
});
