import { spawn } from 'node:child_process';
import { projectPath } from '../../../src/paths.js';

export interface Exit {
  code: number | null;
  output: string;
  ms: number;
}

/** Runs the bot's entry point with exactly `env` (plus PATH/HOME) and resolves when it exits (killed after `timeoutMs`). */
export function runUntilExit(env: Record<string, string>, timeoutMs = 30_000): Promise<Exit> {
  const started = Date.now();
  const child = spawn(process.execPath, ['--import', 'tsx', projectPath('src/main.ts')], {
    cwd: projectPath(),
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  return new Promise((resolve) => {
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({ code, output, ms: Date.now() - started });
    });
  });
}
