import 'reflect-metadata';
import { join } from 'node:path';
import { apiDocsEnabled, createHttpApp, loadConfig } from '@hotline/server-platform';
import { AppModule } from './app/app.module';

async function bootstrap() {
  const config = loadConfig();
  const app = await createHttpApp(AppModule, { config, webDist: config.WEB_DIST ?? join(__dirname, '..', 'web', 'browser') });
  await app.listen({ port: config.PORT, host: '0.0.0.0' });
  console.log(`API listening on http://localhost:${config.PORT}/api${apiDocsEnabled(config) ? ' (docs at /api/docs)' : ''}`);
}

bootstrap().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
