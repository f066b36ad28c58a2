import { z } from 'zod';

/**
 * What the page may send. Webex itself refuses messages over 7,439 bytes (the stand-in answers that with
 * Webex's wording); these limits only keep nonsense out before it reaches the stand-in.
 */
export const LIMITS = {
  /** express.json's cap for every request body. */
  bodyBytes: '64kb',
  idChars: 256,
  /** Characters, not bytes: the byte limit is Webex's to enforce. */
  textChars: 16_000,
  inputsJsonBytes: 16_384,
  inputKeys: 64,
} as const;

const id = z.string().trim().min(1, 'required').max(LIMITS.idChars, 'too long');

export const roomQuery = z.object({ roomId: id });

export const newMessage = z
  .object({
    roomId: id,
    text: z.string().max(LIMITS.textChars, `at most ${LIMITS.textChars} characters`),
    parentId: id.optional(),
  })
  .strict()
  .refine((m) => m.text.trim().length > 0, { path: ['text'], message: 'write something first' });

export const cardPress = z
  .object({
    messageId: id,
    inputs: z
      .record(z.unknown())
      .refine((inputs) => Object.keys(inputs).length <= LIMITS.inputKeys, `at most ${LIMITS.inputKeys} inputs`)
      .refine((inputs) => Buffer.byteLength(JSON.stringify(inputs), 'utf8') <= LIMITS.inputsJsonBytes, `at most ${LIMITS.inputsJsonBytes} bytes of inputs`),
  })
  .strict();

export const consentRequest = z.object({ url: z.string().url('an absolute URL').max(2048, 'too long') }).strict();
