// Types of db.mjs (plain ESM, so server.mjs can use it without a build), for the TypeScript specs and teardown.
export declare const E2E_DATABASE_URL: string;
export declare function dropE2eDatabase(url?: string): Promise<void>;
export declare function clearE2eRedis(prefix: string, url?: string): Promise<void>;
