/**
 * One line per event: JSON in production (for log shippers), readable text elsewhere. Errors
 * are logged with their context here and answered without details to the client.
 */
type Level = 'info' | 'warn' | 'error';
type Fields = Record<string, unknown>;

export interface Logger {
  info(message: string, fields?: Fields): void;
  warn(message: string, fields?: Fields): void;
  error(message: string, fields?: Fields): void;
}

function serialize(fields: Fields): Fields {
  const out: Fields = {};
  for (const [key, value] of Object.entries(fields)) {
    out[key] =
      value instanceof Error
        ? { name: value.name, message: value.message, stack: value.stack }
        : value;
  }
  return out;
}

export function createLogger(
  format: 'json' | 'text' = process.env['NODE_ENV'] === 'production' ? 'json' : 'text',
): Logger {
  const write = (level: Level, message: string, fields: Fields = {}) => {
    const stream = level === 'error' ? process.stderr : process.stdout;
    if (format === 'json') {
      stream.write(
        `${JSON.stringify({ time: new Date().toISOString(), level, message, ...serialize(fields) })}\n`,
      );
      return;
    }
    const extra = Object.keys(fields).length ? ` ${JSON.stringify(serialize(fields))}` : '';
    stream.write(`${level === 'info' ? '' : `${level.toUpperCase()} `}${message}${extra}\n`);
  };
  return {
    info: (message, fields) => write('info', message, fields),
    warn: (message, fields) => write('warn', message, fields),
    error: (message, fields) => write('error', message, fields),
  };
}

/** For tests that want silence. */
export const silentLogger: Logger = { info: () => {}, warn: () => {}, error: () => {} };
