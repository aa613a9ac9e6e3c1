/** Plain line logging to stdout/stderr; `silent` for tests. */
export interface Logger {
  info(message: string): void;
  error(message: string, error?: unknown): void;
}

export function createLogger(level: 'silent' | 'info'): Logger {
  if (level === 'silent') return { info: () => undefined, error: () => undefined };
  return {
    info: (message) => console.log(`[broadsheet] ${message}`),
    error: (message, error) => console.error(`[broadsheet] ${message}`, error ?? ''),
  };
}
