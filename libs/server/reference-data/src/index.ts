export * from './lib/entities';
export * from './lib/reference.service';
export * from './lib/reference-data.module';
export * from './lib/reference-seeder';
export * from './lib/unit-tree';
export * from './lib/seed/lianyungang.data';
export * from './lib/seed/seed-types';
