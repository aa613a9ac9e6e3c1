import net from 'node:net';

/** Where the tests look for Redis (CI machines run one there); TEST_REDIS_URL overrides. */
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL || 'redis://127.0.0.1:6379';

/** Set by global-setup to the Redis URL when one answered PING, empty when none did. */
export const REDIS_ENV = 'BROADSHEET_TEST_REDIS_URL';

/** Whether a Redis at `url` answers PING within a second. */
export function redisAnswers(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect(Number(port || 6379), hostname);
    const done = (answered: boolean) => {
      socket.destroy();
      resolve(answered);
    };
    socket.setTimeout(1000, () => done(false));
    socket.on('error', () => done(false));
    socket.on('connect', () => socket.write('PING\r\n'));
    socket.on('data', (data) => done(data.toString().startsWith('+PONG')));
  });
}
