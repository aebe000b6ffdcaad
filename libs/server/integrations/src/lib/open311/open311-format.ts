import { XMLBuilder } from 'fast-xml-parser';

/** GeoReport v2 answers in the format the path ends with: `.json` or `.xml`. */
export type Open311Format = 'json' | 'xml';

/** `services.json` → ['services', 'json']; anything else → null (a 404 in the spec's error format). */
export function splitFormat(file: string): [string, Open311Format] | null {
  const m = /^(.+)\.(json|xml)$/.exec(file);
  return m ? [m[1], m[2] as Open311Format] : null;
}

/** An error as the spec lists them: HTTP status, and `[{ code, description }]`. */
export class Open311Error extends Error {
  constructor(
    readonly status: number,
    readonly description: string,
  ) {
    super(description);
  }
}

const xml = new XMLBuilder({ format: false, suppressEmptyNode: false });

/**
 * The body of an answer. XML wraps the list in the spec's element names: `<services><service>`,
 * `<service_requests><request>`, `<errors><error>`; a service definition is `<service_definition>` as it stands.
 */
export function render(format: Open311Format, root: 'services' | 'service_requests' | 'errors' | 'service_definition', data: unknown): string {
  if (format === 'json') return JSON.stringify(data);
  const item = { services: 'service', service_requests: 'request', errors: 'error', service_definition: null }[root];
  const clean = (v: unknown): unknown =>
    v == null
      ? ''
      : Array.isArray(v)
        ? v.map(clean)
        : typeof v === 'object'
          ? Object.fromEntries(Object.entries(v as object).map(([k, x]) => [k, clean(x)]))
          : v;
  const body = item ? { [root]: { [item]: clean(data) } } : { [root]: clean(data) };
  return `<?xml version="1.0" encoding="utf-8"?>${xml.build(body)}`;
}

export function errorBody(format: Open311Format, e: Open311Error): string {
  return render(format, 'errors', [{ code: e.status, description: e.description }]);
}
