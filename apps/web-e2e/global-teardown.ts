/** The e2e database and queue keys are the tests' own: drop them so the run leaves nothing behind. */
export default async function globalTeardown(): Promise<void> {
  const { clearE2eRedis, dropE2eDatabase } = await import('./db.mjs');
  await dropE2eDatabase();
  await clearE2eRedis(process.env['E2E_QUEUE_PREFIX'] ?? 'e2e');
}
