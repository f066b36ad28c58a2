import { pino, type DestinationStream, type Logger } from 'pino';

export type { Logger };

/**
 * Structured logs. Secrets are redacted by path, and any string that looks like a bearer token
 * or a known secret value is masked as a last line of defence (a log line is forever).
 */
const REDACT_PATHS = [
  'token',
  'accessToken',
  'access_token',
  'authorization',
  'Authorization',
  'headers.authorization',
  'req.headers.authorization',
  'clientSecret',
  'client_secret',
  'secret',
  'webhookSecret',
  'password',
  '*.token',
  '*.authorization',
  '*.clientSecret',
  '*.secret',
];

export function createLogger(options: { level: string; secrets?: readonly (string | undefined)[]; destination?: NodeJS.WritableStream }): Logger {
  const secrets = (options.secrets ?? []).filter((s): s is string => typeof s === 'string' && s.length >= 8);
  return pino(
    {
      level: options.level,
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      hooks: {
        logMethod(args, method) {
          method.apply(this, args.map((a) => maskSecrets(a, secrets)) as Parameters<typeof method>);
        },
      },
    },
    options.destination as DestinationStream | undefined,
  );
}

const BEARER = /\bBearer\s+[A-Za-z0-9\-._~+/]+=*/g;

function maskSecrets(value: unknown, secrets: readonly string[]): unknown {
  if (typeof value === 'string') {
    let out = value.replace(BEARER, 'Bearer [redacted]');
    for (const s of secrets) out = out.split(s).join('[redacted]');
    return out;
  }
  if (value instanceof Error) {
    const masked = maskSecrets(value.message, secrets) as string;
    if (masked !== value.message) {
      const copy = new Error(masked);
      copy.name = value.name;
      return copy;
    }
  }
  return value;
}
