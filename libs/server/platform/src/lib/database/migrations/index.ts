import { Foundation1764180000000 } from './1764180000000-foundation';
import { AuditLog1764190000000 } from './1764190000000-audit-log';
import { Reporting1764500000000 } from './1764500000000-reporting';
import { Deadlines1764600000000 } from './1764600000000-deadlines';
import { DeadlineTimerIndex1764600000001 } from './1764600000001-deadline-timer-index';
import { ReportIssueFocusRemarks1764700000000 } from './1764700000000-report-issue-focus-remarks';
import { NoIntakeEvents1764700000001 } from './1764700000001-no-intake-events';
import { SummarySlots1764700000002 } from './1764700000002-summary-slots';
import { OutboxSubscribers1764800000000 } from './1764800000000-outbox-subscribers';
import { KnowledgeBase1764900000000 } from './1764900000000-knowledge-base';
import { Telephony1764910000000 } from './1764910000000-telephony';
import { Routing1764920000000 } from './1764920000000-routing';
import { Integrations1764930000000 } from './1764930000000-integrations';
import { OrderTextSearch1765000000000 } from './1765000000000-order-text-search';
import { OrderTextPeriods1765100000000 } from './1765100000000-order-text-periods';
import { DirectAnswerMeasures1765200000000 } from './1765200000000-direct-answer-measures';

/** Every migration, oldest first. The schema comes only from here (never `synchronize`). */
export const MIGRATIONS = [
  Foundation1764180000000,
  AuditLog1764190000000,
  Reporting1764500000000,
  Deadlines1764600000000,
  DeadlineTimerIndex1764600000001,
  ReportIssueFocusRemarks1764700000000,
  NoIntakeEvents1764700000001,
  SummarySlots1764700000002,
  OutboxSubscribers1764800000000,
  KnowledgeBase1764900000000,
  Telephony1764910000000,
  Routing1764920000000,
  Integrations1764930000000,
  OrderTextSearch1765000000000,
  OrderTextPeriods1765100000000,
  DirectAnswerMeasures1765200000000,
];
