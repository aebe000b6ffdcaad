// Checks that MySQL/MariaDB and Redis answer at DATABASE_URL / REDIS_URL, with a message a person can act on.
import net from 'node:net';

export const DEFAULT_DATABASE_URL = 'mysql://root@127.0.0.1:3306/hotline';
export const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';

function reachable(host, port, timeoutMs = 2000) {
  return new Promise((resolve) => {
    const s = net.connect({ host, port });
    const done = (ok) => { s.destroy(); resolve(ok); };
    s.setTimeout(timeoutMs, () => done(false));
    s.once('connect', () => done(true));
    s.once('error', () => done(false));
  });
}

export async function checkServices(env = process.env) {
  const db = new URL(env.DATABASE_URL || DEFAULT_DATABASE_URL);
  const redis = new URL(env.REDIS_URL || DEFAULT_REDIS_URL);
  const problems = [];
  if (!(await reachable(db.hostname, Number(db.port || 3306)))) {
    problems.push(`MySQL/MariaDB is not answering at ${db.hostname}:${db.port || 3306} (DATABASE_URL).\n` +
      '  Start it, e.g.: start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd\n' +
      '  or point DATABASE_URL at one: mysql://user:pass@host:3306/hotline');
  }
  if (!(await reachable(redis.hostname, Number(redis.port || 6379)))) {
    problems.push(`Redis is not answering at ${redis.hostname}:${redis.port || 6379} (REDIS_URL).\n` +
      '  Start it, e.g.: redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no\n' +
      '  or point REDIS_URL at one: redis://host:6379');
  }
  return problems;
}
