'use strict';
// Experiment (not the shipped app): take the order number from the counter statement's own result
// (mysql2's insertId carries LAST_INSERT_ID(expr)) instead of a second `SELECT LAST_INSERT_ID()` round trip.
// That round trip runs while the per-day counter row is locked, so it lengthens the section every intake
// queues for. Proposed change in libs/server/orders/src/lib/order-number.ts (nextOrderNumber):
//   const res = await em.query('INSERT INTO order_number_seq … LAST_INSERT_ID(last + 1)', [day]);
//   return formatOrderNumber(day, Number(res.insertId));
require('./_rewrite.cjs').addRewrite(
  'counter-insertid',
  "await em.query('INSERT INTO order_number_seq (day, last) VALUES (?, LAST_INSERT_ID(1)) ON DUPLICATE KEY UPDATE last = LAST_INSERT_ID(last + 1)', [day]);\n    const [{ seq }] = await em.query('SELECT LAST_INSERT_ID() AS seq');",
  "const { insertId: seq } = await em.query('INSERT INTO order_number_seq (day, last) VALUES (?, LAST_INSERT_ID(1)) ON DUPLICATE KEY UPDATE last = LAST_INSERT_ID(last + 1)', [day]);",
);
