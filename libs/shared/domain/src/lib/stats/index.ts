export * from './period';
export * from './figures';
export * from './facts';
export * from './kpis';
export * from './annual-report';
export * from './surge';
export * from './assessment';
