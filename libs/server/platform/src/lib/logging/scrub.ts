/** Query parameters that may carry a caller's identity and never reach a log line. */
const PERSONAL_PARAMS = new Set(['phone', 'q', 'name', 'callerName', 'callerPhone']);
/** Credentials in a URL (the event stream's ?access_token=, or any other *token*): a logged one is a stolen login. */
const SECRET_PARAM = /token|secret|password/i;

export function scrubUrl(url: string | undefined): string | undefined {
  if (!url || !url.includes('?')) return url;
  const [path, query] = url.split('?', 2);
  const params = new URLSearchParams(query);
  for (const key of [...params.keys()]) if (PERSONAL_PARAMS.has(key) || SECRET_PARAM.test(key)) params.set(key, '***');
  return `${path}?${params.toString()}`;
}

/** pino redaction paths for objects that might be logged whole. */
export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  '*.caller',
  '*.callerName',
  '*.callerPhone',
  '*.caller_name',
  '*.caller_phone',
  '*.password',
];
