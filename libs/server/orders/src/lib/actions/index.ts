import type { OrderAction } from '@hotline/contracts';
import { CALLBACK_CLOSE_EFFECTS } from './callback-close.effects';
import { DISPATCH_EFFECTS } from './dispatch.effects';
import type { EffectFn } from './effect';
import { EXTENSION_EFFECTS } from './extension.effects';
import { MERGE_EFFECTS } from './merge.effects';
import { REPLY_REVIEW_EFFECTS } from './reply-review.effects';
import { SIGN_RETURN_EFFECTS } from './sign-return.effects';
import { SUPERVISION_EFFECTS } from './supervision.effects';
import { SUSPEND_RESUME_EFFECTS } from './suspend-resume.effects';

/** What each of the 22 actions does to the row, one family per file; the type makes a missing action a compile error. */
export const ACTION_EFFECTS: Record<OrderAction, EffectFn> = {
  ...DISPATCH_EFFECTS,
  ...SIGN_RETURN_EFFECTS,
  ...EXTENSION_EFFECTS,
  ...SUSPEND_RESUME_EFFECTS,
  ...REPLY_REVIEW_EFFECTS,
  ...CALLBACK_CLOSE_EFFECTS,
  ...SUPERVISION_EFFECTS,
  ...MERGE_EFFECTS,
};
