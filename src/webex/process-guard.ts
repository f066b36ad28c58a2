import type { WebexLogger } from './logger.js';

const SDK_FRAMES = ['/node_modules/webex/', '/node_modules/@webex/', '/node_modules/webex-node-bot-framework/'];

/**
 * The framework and the Webex SDK start promise chains nobody awaits: a 404 inside the SDK's people batcher
 * becomes an unhandled rejection, which by Node's default kills the process and every conversation with it.
 * This guard logs such rejections and keeps the process alive. Rejections that do not come from the SDK are
 * left to Node's default (a crash) unless the program installed its own handler too.
 * Returns a function that removes the guard.
 */
export function guardAgainstSdkRejections(logger: WebexLogger): () => void {
  const onRejection = (reason: unknown): void => {
    if (isFromWebexSdk(reason)) {
      logger.warn({ reason: describe(reason) }, 'The Webex framework/SDK dropped an error of its own (the event it was handling is lost); the bot keeps running');
      return;
    }
    if (process.listenerCount('unhandledRejection') > 1) return;
    logger.error({ reason: describe(reason) }, 'Unhandled promise rejection outside the Webex SDK');
    // Node's default behaviour for a rejection nobody handles: crash loudly rather than run in an unknown state.
    process.nextTick(() => {
      throw reason instanceof Error ? reason : new Error(`Unhandled rejection: ${String(reason)}`);
    });
  };
  process.on('unhandledRejection', onRejection);
  return () => {
    process.off('unhandledRejection', onRejection);
  };
}

export function isFromWebexSdk(reason: unknown): boolean {
  const stack = reason instanceof Error ? (reason.stack ?? '') : '';
  const normalized = stack.replace(/\\/g, '/');
  return SDK_FRAMES.some((frame) => normalized.includes(frame));
}

/** Enough to diagnose, without dumping request options (the SDK's errors carry headers, including the token). */
function describe(reason: unknown): { name?: string; message: string; statusCode?: number } {
  if (!(reason instanceof Error)) return { message: String(reason).slice(0, 200) };
  const statusCode = (reason as { statusCode?: unknown }).statusCode;
  return {
    name: reason.name,
    message: reason.message.split('\n')[0]?.slice(0, 300) ?? '',
    ...(typeof statusCode === 'number' ? { statusCode } : {}),
  };
}
