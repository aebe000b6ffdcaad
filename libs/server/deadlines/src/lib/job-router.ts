import type { Job } from 'bullmq';

type Handler = (job: Job, token?: string) => Promise<unknown>;
const HANDLERS = Symbol('job-handlers');

interface HandlerMark {
  job: string;
  method: string;
}

/** Marks a processor method as the handler of one job name. */
export function JobHandler(job: string): MethodDecorator {
  return (target, key) => {
    const ctor = target.constructor as unknown as { [HANDLERS]?: HandlerMark[] };
    // copy, so a subclass never adds to its parent's list
    ctor[HANDLERS] = [...(Object.prototype.hasOwnProperty.call(ctor, HANDLERS) ? (ctor[HANDLERS] ?? []) : []), { job, method: String(key) }];
  };
}

/** What is wrong with a processor's handlers for the jobs its queue is registered with; empty when nothing. */
export function handlerProblems(queue: string, expected: readonly string[], marks: readonly HandlerMark[]): string[] {
  const problems: string[] = [];
  for (const job of expected) {
    const found = marks.filter((m) => m.job === job);
    if (found.length === 0) problems.push(`job "${job}" of queue "${queue}" has no handler`);
    if (found.length > 1) problems.push(`job "${job}" of queue "${queue}" has ${found.length} handlers: ${found.map((m) => m.method).join(', ')}`);
  }
  for (const m of marks) if (!expected.includes(m.job)) problems.push(`${m.method} handles "${m.job}", which is not a job of queue "${queue}"`);
  return problems;
}

/**
 * The job-name → handler table of a processor, checked against the registered names; throws (stopping start-up)
 * when a name has no handler or two, or a handler names an unregistered job.
 */
export function routeJobs(processor: object, queue: string, expected: readonly string[]): Map<string, Handler> {
  const marks = (processor.constructor as unknown as { [HANDLERS]?: HandlerMark[] })[HANDLERS] ?? [];
  const problems = handlerProblems(queue, expected, marks);
  if (problems.length) throw new Error(`Job handlers of ${processor.constructor.name} do not match the registered jobs:\n  ${problems.join('\n  ')}`);
  const table = processor as unknown as Record<string, Handler>;
  return new Map(marks.map((m) => [m.job, table[m.method].bind(processor)]));
}
