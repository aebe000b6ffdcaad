import nx from '@nx/eslint-plugin';
import baseConfig from '../../../../eslint.config.mjs';

export default [
  ...nx.configs['flat/angular'],
  ...nx.configs['flat/angular-template'],
  ...baseConfig,
  {
    files: ['**/*.ts'],
    rules: {
      '@angular-eslint/directive-selector': [
        'error',
        {
          type: 'attribute',
          prefix: 'hl',
          style: 'camelCase',
        },
      ],
      '@angular-eslint/component-selector': [
        'error',
        {
          type: 'element',
          prefix: 'hl',
          style: 'kebab-case',
        },
      ],
    },
  },
  {
    files: ['**/*.html'],
    rules: {
      // ng-zorro's radio/checkbox components are <label> hosts that render their own <input>
      '@angular-eslint/template/label-has-associated-control': [
        'error',
        {
          labelComponents: [
            {
              selector: 'label',
              inputs: [
                'for',
                'htmlFor',
                'nz-radio',
                'nz-radio-button',
                'nz-checkbox',
              ],
            },
          ],
        },
      ],
    },
  },
];
