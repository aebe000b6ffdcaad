import type { AppealTypeCode } from '@hotline/contracts';

/**
 * Default time limits (working time) by appeal type and urgency. Issue "deadlines" moves these into an
 * admin-editable policy table; until then they are the sensible defaults the center asked for.
 */
export interface TimeLimits {
  signMinutes: number;
  handleDays: number;
  callbackDays: number;
}

const HANDLE_DAYS: Record<AppealTypeCode, number> = {
  consult: 1,
  help: 3,
  complaint: 5,
  report: 5,
  suggestion: 10,
  praise: 3,
  thanks: 3,
  other: 5,
};

export function defaultTimeLimits(appealType: string, urgent: boolean): TimeLimits {
  const handleDays = HANDLE_DAYS[appealType as AppealTypeCode] ?? 5;
  return {
    signMinutes: urgent ? 30 : 120,
    handleDays: urgent ? Math.min(handleDays, 1) : handleDays,
    callbackDays: 2,
  };
}
