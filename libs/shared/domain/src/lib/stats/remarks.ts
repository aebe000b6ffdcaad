import type { AnnualReport, ReportBlock, ReportRemarks } from '@hotline/contracts';

/**
 * Editorial remarks on a composed report. The figures and every word that depends on them come from the data;
 * the leadership's commentary (why a count fell, what units usually reply, what the center did about it)
 * cannot, so it is text an editor writes, keyed by block, stored with the issued report and printed in it.
 */

export const REMARK_MAX_LENGTH = 2000;

/** The keys remarks may attach to in this report, in reading order. */
export function remarkKeys(r: AnnualReport): string[] {
  return r.sections.flatMap((s) => s.blocks.map((b) => b.key).filter((k): k is string => !!k));
}

/** What is wrong with a set of remarks for this report: unknown keys, empty or over-long texts (none: []). */
export function remarkProblems(r: AnnualReport, remarks: ReportRemarks): { field: string; messages: string[] }[] {
  const keys = new Set(remarkKeys(r));
  const out: { field: string; messages: string[] }[] = [];
  for (const [key, rm] of Object.entries(remarks)) {
    if (!keys.has(key)) {
      out.push({ field: `remarks.${key}`, messages: [`no block ${key} in this report; blocks: ${[...keys].join(', ')}`] });
      continue;
    }
    if (rm == null || typeof rm !== 'object') {
      out.push({ field: `remarks.${key}`, messages: ['must be an object { lead?, before?, after? }'] });
      continue;
    }
    for (const [part, text] of Object.entries(rm)) {
      if (!['lead', 'before', 'after'].includes(part)) out.push({ field: `remarks.${key}.${part}`, messages: ['only lead, before and after'] });
      else if (typeof text !== 'string') out.push({ field: `remarks.${key}.${part}`, messages: ['must be a string'] });
      else if (text.length > REMARK_MAX_LENGTH) out.push({ field: `remarks.${key}.${part}`, messages: [`at most ${REMARK_MAX_LENGTH} characters`] });
    }
  }
  return out;
}

/**
 * The report with the remarks applied: a block's `lead` replaced, its `before`/`after` set. Blanks are dropped,
 * so clearing a text removes it; the computed text and figures are never touched. Pure: returns a copy.
 */
export function applyRemarks(r: AnnualReport, remarks: ReportRemarks): AnnualReport {
  const kept: ReportRemarks = {};
  for (const [key, rm] of Object.entries(remarks)) {
    const clean = Object.fromEntries(
      Object.entries(rm ?? {})
        .map(([k, v]) => [k, typeof v === 'string' ? v.trim() : ''])
        .filter(([, v]) => v),
    );
    if (Object.keys(clean).length) kept[key] = clean;
  }
  return {
    ...r,
    remarks: kept,
    sections: r.sections.map((s) => ({
      ...s,
      blocks: s.blocks.map((b) => {
        const rest: ReportBlock = { ...b };
        delete rest.remarks;
        delete rest.computedLead;
        const lead = b.computedLead ?? b.lead;
        const rm = b.key ? kept[b.key] : undefined;
        const out: ReportBlock = { ...rest, lead: rm?.lead ?? lead };
        if (rm?.lead) out.computedLead = lead;
        if (rm?.before || rm?.after) out.remarks = { ...(rm.before ? { before: rm.before } : {}), ...(rm.after ? { after: rm.after } : {}) };
        return out;
      }),
    })),
  };
}
