// The telephony bench's baseline: the same work per CTI event as the API does at its core — one transaction
// upserting the call's row (by call id) — and the same pop path (Redis publish on answer → a subscriber → the
// stream of the answering user), on bare node:http + mysql2 + ioredis. No auth, validation, summary cells or logs.
import http from 'node:http';
import mysql from 'mysql2/promise';
import Redis from 'ioredis';

const url = new URL(process.env.DATABASE_URL);
const pool = mysql.createPool({
  host: url.hostname,
  port: Number(url.port || 3306),
  user: url.username || 'root',
  database: url.pathname.slice(1),
  connectionLimit: 10,
});
await pool.query(`CREATE TABLE IF NOT EXISTS bench_call (call_id VARCHAR(64) PRIMARY KEY, caller VARCHAR(32), called_at DATETIME(3), answered_at DATETIME(3) NULL,
  hung_up_at DATETIME(3) NULL, agent VARCHAR(32) NULL) ENGINE=InnoDB`);
const pub = new Redis(process.env.REDIS_URL);
const sub = new Redis(process.env.REDIS_URL);
const channel = `${process.env.QUEUE_PREFIX}:baseline-pops`;
const streams = new Map();
await sub.subscribe(channel);
sub.on('message', (_c, msg) => {
  const m = JSON.parse(msg);
  for (const res of streams.get(m.user) ?? []) res.write(`event: call-pop\ndata: ${JSON.stringify(m.data)}\n\n`);
});

http
  .createServer((req, res) => {
    if (req.url === '/health') return res.end('ok');
    if (req.url.startsWith('/stream')) {
      const user = new URL(req.url, 'http://x').searchParams.get('user');
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write(': ready\n\n');
      streams.set(user, [...(streams.get(user) ?? []), res]);
      req.on('close', () =>
        streams.set(
          user,
          (streams.get(user) ?? []).filter((r) => r !== res),
        ),
      );
      return;
    }
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', async () => {
      try {
        const e = JSON.parse(body);
        const now = new Date();
        const conn = await pool.getConnection();
        try {
          await conn.beginTransaction();
          await conn.query('INSERT INTO bench_call (call_id, caller, called_at) VALUES (?, ?, ?) ON DUPLICATE KEY UPDATE call_id = call_id', [
            e.callId,
            e.from,
            now,
          ]);
          await conn.query('SELECT * FROM bench_call WHERE call_id = ? FOR UPDATE', [e.callId]);
          if (e.event === 'answer') await conn.query('UPDATE bench_call SET answered_at = ?, agent = ? WHERE call_id = ?', [now, e.answeringNumber, e.callId]);
          if (e.event === 'hangup') await conn.query('UPDATE bench_call SET hung_up_at = ? WHERE call_id = ?', [now, e.callId]);
          await conn.commit();
        } finally {
          conn.release();
        }
        if (e.event === 'answer') await pub.publish(channel, JSON.stringify({ user: e.answeringNumber, data: { callId: e.callId, from: e.from } }));
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ callId: e.callId }));
      } catch (err) {
        res.writeHead(500);
        res.end(String(err));
      }
    });
  })
  .listen(Number(process.env.PORT), '127.0.0.1');
