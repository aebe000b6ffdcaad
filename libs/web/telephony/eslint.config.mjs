import { angularConfig } from '../../../eslint.config.mjs';

export default angularConfig('hl');
