import { SMS_TEMPLATE_VARIABLES } from '@hotline/contracts';

export type SmsVariables = Partial<Record<(typeof SMS_TEMPLATE_VARIABLES)[number], string>>;

/** Names in `{…}` that are not template variables: an admin's typo is refused rather than sent to citizens. */
export function unknownVariables(body: string): string[] {
  const known = new Set<string>(SMS_TEMPLATE_VARIABLES);
  return [...body.matchAll(/\{([^{}]*)\}/g)].map((m) => m[1]).filter((n) => !known.has(n));
}

/** Fills `{name}` from the order's own facts only; an answer is cut short (an SMS is not the reply letter). */
export function renderSms(body: string, vars: SmsVariables): string {
  return body.replace(/\{([a-z]+)\}/g, (whole, name: keyof SmsVariables) => {
    const v = vars[name];
    if (v == null) return '';
    return name === 'answer' && v.length > 60 ? `${v.slice(0, 60)}…` : v;
  });
}
