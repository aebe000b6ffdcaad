/** The e2e database is the tests' own: drop it so the next run starts clean. */
export default async function globalTeardown(): Promise<void> {
  const { dropE2eDatabase } = await import('./db.mjs');
  await dropE2eDatabase();
}
