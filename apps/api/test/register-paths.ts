// Jest's globalSetup/teardown do not go through moduleNameMapper; resolve @hotline/* the way tsc does.
import { register } from 'tsconfig-paths';
import { join } from 'node:path';

const { compilerOptions } = require(join(__dirname, '../../../tsconfig.base.json'));
register({ baseUrl: join(__dirname, '../../..'), paths: compilerOptions.paths });
