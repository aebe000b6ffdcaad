import nx from '@nx/eslint-plugin';

/** Every project's rules; the Angular projects add `angularConfig` on top (see below). */
const baseConfig = [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  {
    ignores: ['**/dist', '**/out-tsc'],
  },
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.js', '**/*.jsx'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: true,
          // the shared lint config, and the Angular projects' one Jest setup (tools/jest), which their src/test-setup.ts import
          allow: ['^.*/eslint(\\.base)?\\.config\\.[cm]?[jt]s$', '^(\\.\\./)+tools/jest/web-test-setup$'],
          depConstraints: [
            // shared/* is framework-free and used by both sides
            {
              sourceTag: 'scope:shared',
              onlyDependOnLibsWithTags: ['scope:shared'],
              bannedExternalImports: [
                '@nestjs/*',
                '@angular/*',
                '@ngrx/*',
                'ng-zorro-antd',
                'ng-zorro-antd/*',
                'typeorm',
                'mysql2',
                'mysql2/*',
                'bullmq',
                'ioredis',
                'fastify',
                '@fastify/*',
                'rxjs',
                'rxjs/*',
                'class-validator',
                'class-transformer',
                'echarts',
                'echarts/*',
                'exceljs',
                'pino',
              ],
            },
            { sourceTag: 'scope:server', onlyDependOnLibsWithTags: ['scope:server', 'scope:shared'] },
            { sourceTag: 'scope:web', onlyDependOnLibsWithTags: ['scope:web', 'scope:shared'] },
            { sourceTag: 'type:app', notDependOnLibsWithTags: ['type:app'] },
            // the server in layers: util (platform, pure engines) ← base (identity, reference data, notifications) ← core
            // (orders, the one writer of an order) ← read-model (statistics, a projection of the orders) ← feature. A feature
            // never imports another feature: what two features share belongs a layer down, as a port (OrderHooks,
            // OrderEventStream, ReportingJobs) the lower layer defines and the feature registers with.
            { sourceTag: 'type:util', onlyDependOnLibsWithTags: ['type:util'] },
            { allSourceTags: ['scope:server', 'type:base'], onlyDependOnLibsWithTags: ['type:base', 'type:util'] },
            { allSourceTags: ['scope:server', 'type:core'], onlyDependOnLibsWithTags: ['type:base', 'type:util'] },
            { allSourceTags: ['scope:server', 'type:read-model'], onlyDependOnLibsWithTags: ['type:core', 'type:base', 'type:util'] },
            { allSourceTags: ['scope:server', 'type:feature'], onlyDependOnLibsWithTags: ['type:read-model', 'type:core', 'type:base', 'type:util'] },
            // the web: feature → data-access → util, ui → util
            { allSourceTags: ['scope:web', 'type:feature'], onlyDependOnLibsWithTags: ['type:feature', 'type:data-access', 'type:ui', 'type:util'] },
            { sourceTag: 'type:data-access', onlyDependOnLibsWithTags: ['type:data-access', 'type:util'] },
            { sourceTag: 'type:ui', onlyDependOnLibsWithTags: ['type:ui', 'type:util'] },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.cts', '**/*.mts', '**/*.js', '**/*.jsx', '**/*.cjs', '**/*.mjs'],
    // Override or add rules here
    rules: {},
  },
];

export default baseConfig;

/**
 * The Angular projects' rules (apps/web and every lib under libs/web): the base, Angular's recommended sets, the
 * selector prefix, and ng-zorro's label hosts. One definition, so the web libs' eslint.config.mjs are one line each.
 */
export function angularConfig(prefix) {
  return [
    ...nx.configs['flat/angular'],
    ...nx.configs['flat/angular-template'],
    ...baseConfig,
    {
      files: ['**/*.ts'],
      rules: {
        '@angular-eslint/directive-selector': ['error', { type: 'attribute', prefix, style: 'camelCase' }],
        '@angular-eslint/component-selector': ['error', { type: 'element', prefix, style: 'kebab-case' }],
      },
    },
    {
      files: ['**/*.html'],
      rules: {
        // ng-zorro's radio/checkbox components are <label> hosts that render their own <input>
        '@angular-eslint/template/label-has-associated-control': [
          'error',
          { labelComponents: [{ selector: 'label', inputs: ['for', 'htmlFor', 'nz-radio', 'nz-radio-button', 'nz-checkbox'] }] },
        ],
      },
    },
  ];
}
