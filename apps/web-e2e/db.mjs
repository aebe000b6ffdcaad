// Drops the e2e database named in the URL (it belongs to the tests; nothing else uses it).
import { createConnection } from 'mysql2/promise';

export const E2E_DATABASE_URL = process.env.E2E_DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/hotline_e2e';

export async function dropE2eDatabase(url = E2E_DATABASE_URL) {
  const u = new URL(url);
  const conn = await createConnection({ host: u.hostname, port: Number(u.port || 3306), user: decodeURIComponent(u.username || 'root'), password: decodeURIComponent(u.password) });
  try {
    await conn.query(`DROP DATABASE IF EXISTS \`${u.pathname.slice(1)}\``);
  } finally {
    await conn.end();
  }
}
