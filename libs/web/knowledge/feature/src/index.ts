// Only the routes: the shell imports this barrel eagerly, so the widgets (imported by lazy pages) live in ./widgets.
export * from './lib/knowledge.routes';
