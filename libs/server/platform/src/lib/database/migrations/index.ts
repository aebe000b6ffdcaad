import { Foundation1764180000000 } from './1764180000000-foundation';

/** Every migration, oldest first. The schema comes only from here (never `synchronize`). */
export const MIGRATIONS = [Foundation1764180000000];
