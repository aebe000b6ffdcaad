// CPU of building batches alone (no database): node -r ts-node/register -r tsconfig-paths/register bench/import/prepare-bench.ts [orders] [batch]
import { performance, PerformanceObserver } from 'node:perf_hooks';
import { randomOrders } from '../../libs/server/legacy-import/src/lib/legacy-fixtures';
import { withOrderIds } from '../../libs/server/orders/src/lib/bulk/order-bulk-writer';
import { prepareOrders } from '../../libs/server/legacy-import/src/lib/order-batch';

const n = Number(process.argv[2] ?? 100000);
const batch = Number(process.argv[3] ?? 5000);
// the benchmark's file: a year of orders in time order (1,000,000 → 2,740 a day)
const days = Number(process.argv[4] ?? 365);
const orders = randomOrders(n, 5, days).sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
let gcMs = 0;
new PerformanceObserver((l) => l.getEntries().forEach((e) => (gcMs += e.duration))).observe({ entryTypes: ['gc'] });
const c0 = process.cpuUsage();
const t0 = performance.now();
let cells = 0;
for (let i = 0; i < n; i += batch) {
  const b = prepareOrders(orders.slice(i, i + batch), 1);
  withOrderIds(
    b,
    b.numbers.map((_, j) => i + j + 1),
  );
  cells += b.sums.size;
}
const ms = performance.now() - t0;
const cpu = process.cpuUsage(c0);
setTimeout(
  () =>
    console.log(
      JSON.stringify({
        orders: n,
        batch,
        ms: Math.round(ms),
        usPerOrder: +((ms * 1000) / n).toFixed(1),
        cpuUsPerOrder: +((cpu.user + cpu.system) / n).toFixed(1),
        gcMs: Math.round(gcMs),
        cellsPerOrder: +(cells / n).toFixed(2),
      }),
    ),
  10,
);
