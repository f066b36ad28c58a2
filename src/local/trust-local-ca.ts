import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { constants } from 'node:os';
import { resolve } from 'node:path';
import { CodedError } from '../errors.js';
import type { Logger } from '../log.js';
import { projectPath } from '../paths.js';

/**
 * The demo tenant (the Entra stand-in) speaks HTTPS with a certificate signed by a throwaway local CA, and the
 * Azure SDK and Graph client only trust it when NODE_EXTRA_CA_CERTS names that CA. Node reads that variable once,
 * when the process starts, so setting it later does nothing: the only faithful way is to run the same program
 * again with the variable set. A real tenant never needs (nor gets) this.
 */

export const LOCAL_CA_PATH = projectPath('src/local/standins/tls/ca.pem');

/** Set in the re-launched child, so a child that still cannot trust the CA fails instead of looping. */
export const RELAUNCH_MARKER = 'AZURE_AD_DOCTOR_LOCAL_CA_RELAUNCHED';

export type CaTrustDecision =
  | { kind: 'not-needed' } // a real tenant: never touch the process's trust store
  | { kind: 'trusted' }
  | { kind: 'relaunch'; env: Record<string, string | undefined> }
  | { kind: 'cannot-trust'; reason: string };

export interface CaTrustInput {
  realTenant: boolean;
  env: Readonly<Record<string, string | undefined>>;
  caPath: string;
  cwd: string;
  /** The file's text, or undefined when it cannot be read. */
  readText(path: string): string | undefined;
}

/** Pure: what to do, given where we run. Trusted means the named file really holds our CA (it may be a bundle). */
export function decideCaTrust(input: CaTrustInput): CaTrustDecision {
  if (input.realTenant) return { kind: 'not-needed' };
  const ourCa = input.readText(input.caPath)?.trim();
  if (ourCa === undefined || ourCa === '') {
    return { kind: 'cannot-trust', reason: `the local CA certificate is missing or unreadable at ${input.caPath}` };
  }
  const named = input.env.NODE_EXTRA_CA_CERTS;
  if (named !== undefined && named !== '' && input.readText(resolve(input.cwd, named))?.includes(ourCa)) return { kind: 'trusted' };
  if (input.env[RELAUNCH_MARKER] === '1') {
    return { kind: 'cannot-trust', reason: 'the process was re-launched with NODE_EXTRA_CA_CERTS but still does not see the local CA' };
  }
  return { kind: 'relaunch', env: { ...input.env, NODE_EXTRA_CA_CERTS: input.caPath, [RELAUNCH_MARKER]: '1' } };
}

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/** Whether this process already trusts the local CA (it can reach the HTTPS stand-ins). */
export function isLocalCaTrusted(env: NodeJS.ProcessEnv = process.env): boolean {
  return decideCaTrust({ realTenant: false, env, caPath: LOCAL_CA_PATH, cwd: process.cwd(), readText }).kind === 'trusted';
}

export interface EnsureCaOptions {
  /** True when config.azure is set: the real tenant is checked and nothing is re-launched. */
  realTenant: boolean;
  logger: Logger;
  /** Defaults to this process's environment, argv and execArgv: re-launching is about this very process. */
  env?: NodeJS.ProcessEnv;
}

/**
 * Resolves at once when the CA is trusted (or not needed). Otherwise runs this same program again as a child
 * (same node, same flags, same arguments, inherited stdio, the environment plus NODE_EXTRA_CA_CERTS), forwards
 * SIGINT/SIGTERM to it and exits with its code: the returned promise then never settles, since the parent has
 * nothing more to do than wait for the child.
 */
export async function ensureLocalCaTrusted(options: EnsureCaOptions): Promise<void> {
  const decision = decideCaTrust({
    realTenant: options.realTenant,
    env: options.env ?? process.env,
    caPath: LOCAL_CA_PATH,
    cwd: process.cwd(),
    readText,
  });
  if (decision.kind === 'not-needed' || decision.kind === 'trusted') return;
  if (decision.kind === 'cannot-trust') {
    throw new CodedError(
      'local_ca_untrusted',
      `Local mode cannot reach its demo tenant: ${decision.reason}.`,
      `Start it with NODE_EXTRA_CA_CERTS=${LOCAL_CA_PATH}, or set AZURE_TENANT_ID and AZURE_CLIENT_ID to check a real tenant.`,
    );
  }
  options.logger.info('Restarting once so Node trusts the demo tenant\'s local certificate (NODE_EXTRA_CA_CERTS).');
  await relaunch(decision.env, options.logger);
}

function relaunch(env: Record<string, string | undefined>, logger: Logger): Promise<never> {
  const child = spawn(process.execPath, [...process.execArgv, ...process.argv.slice(1)], { env, stdio: 'inherit' });
  const forward = (signal: NodeJS.Signals): void => {
    child.kill(signal);
  };
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  return new Promise<never>(() => {
    child.once('error', (error) => {
      logger.error({ err: error }, 'Could not re-launch with the local CA trusted.');
      process.exit(1);
    });
    child.once('exit', (code, signal) => {
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      // A child ended by a signal exits 128 + its number, as a shell reports it (re-raising the signal here
      // would only run this process's own handlers).
      process.exit(signal === null ? (code ?? 1) : 128 + (constants.signals[signal] ?? 0));
    });
  });
}
