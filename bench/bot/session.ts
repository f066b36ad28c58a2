import { readFileSync } from 'node:fs';
import { projectPath } from '../../src/paths.js';
import { burst } from './load.js';
import { startDoctorProcess, startEchoProcess, type BotProcess } from './processes.js';
import { isAnyReply, isDiagnosisCard, PasteTimer } from './replies.js';
import { startBenchWorld, type BenchWorld } from './world.js';

/** One bot process in its own world, with a paste timer on it: what the bot suites measure against. */

export type BotKind = 'doctor' | 'echo';

/** The Japanese seed: the paste the project was built for (Integration app removed, the tenant the world holds). */
export const SEED_PASTE = readFileSync(projectPath('test/fixtures/pastes/seed-ja.txt'), 'utf8');

export interface BotSession {
  kind: BotKind;
  world: BenchWorld;
  bot: BotProcess;
  timer: PasteTimer;
  /** One paste per admin, a few at a time: the first answer per space pays the framework's space set-up, the first diagnosis the token and the JIT. */
  warmUp(): Promise<void>;
  stop(): Promise<void>;
}

const WARM_UP_WAVE = 10;

export async function startBotSession(kind: BotKind, options: { admins: number }): Promise<BotSession> {
  const world = await startBenchWorld(options);
  let bot: BotProcess;
  try {
    bot = kind === 'doctor' ? await startDoctorProcess(world) : await startEchoProcess(world);
  } catch (error) {
    await world.stop();
    throw error;
  }
  const timer = new PasteTimer(world, kind === 'doctor' ? isDiagnosisCard : isAnyReply);
  return {
    kind,
    world,
    bot,
    timer,
    async warmUp() {
      for (let i = 0; i < world.admins.length; i += WARM_UP_WAVE) {
        const outcome = await burst(timer, world.admins.slice(i, i + WARM_UP_WAVE), SEED_PASTE);
        if (outcome.failures > 0) throw new Error(`${kind}: ${outcome.failures} warm-up pastes got no answer:\n${bot.outputTail()}`);
      }
    },
    async stop() {
      timer.close();
      await bot.stop();
      await world.stop();
    },
  };
}
