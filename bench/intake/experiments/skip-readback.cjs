'use strict';
// Experiment (not the shipped app, and NOT a valid API: the reply is cut down to {id}): what intake costs
// without reading the new order back (OrdersService.create ends with `return this.detail(user, id)`: five
// SELECTs after the commit, plus mapping). An upper bound for the proposed change — build the reply from
// the values just written (no co-units, no supervision, the topics and the one history row are known) —
// which would keep the response as it is and still cost a little mapping.
// The create() method is the one whose `return this.detail(user, id);` comes right before the queries section.
require('./_rewrite.cjs').addRewrite(
  'skip-readback',
  '        return this.detail(user, id);\n    }\n    // ---------------------------------------------------------------- queries',
  '        return { id };\n    }\n    // ---------------------------------------------------------------- queries',
);
