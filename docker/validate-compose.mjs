#!/usr/bin/env node
// Stand-in for `docker compose config` where the compose plugin is not installed (docker/README.md):
// parses docker/compose.yml (YAML anchors and << merges), interpolates ${VAR:-default} like Compose,
// checks keys against the Compose Specification's service/healthcheck/build/depends_on vocabulary and the
// references between services, volumes, profiles and files, then prints the resolved file.
//
//   node docker/validate-compose.mjs [docker/compose.yml] [--quiet]
//
// It is a lint, not Compose itself: prefer `docker compose -f docker/compose.yml config` where it exists.
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, stringify } from 'yaml';

const args = process.argv.slice(2);
const quiet = args.includes('--quiet');
const file = path.resolve(args.find((a) => !a.startsWith('--')) ?? path.join(path.dirname(fileURLToPath(import.meta.url)), 'compose.yml'));
const dir = path.dirname(file);
const problems = [];
const bad = (where, msg) => problems.push(`${where}: ${msg}`);

// ---- vocabulary of the Compose Specification (schema/compose-spec.json)
const TOP = new Set(['version', 'name', 'include', 'services', 'networks', 'volumes', 'secrets', 'configs', 'models']);
const SERVICE = new Set(('annotations attach blkio_config build cap_add cap_drop cgroup cgroup_parent command configs container_name cpu_count ' +
  'cpu_percent cpu_shares cpu_quota cpu_period cpu_rt_period cpu_rt_runtime cpus cpuset credential_spec depends_on deploy develop ' +
  'device_cgroup_rules devices dns dns_opt dns_search domainname entrypoint env_file label_file environment expose extends provider ' +
  'external_links extra_hosts gpus group_add healthcheck hostname image init ipc isolation labels links logging mac_address mem_limit ' +
  'mem_reservation mem_swappiness memswap_limit network_mode models networks oom_kill_disable oom_score_adj pid pids_limit platform ports ' +
  'post_start pre_stop privileged profiles pull_policy pull_refresh_after read_only restart runtime scale security_opt shm_size secrets ' +
  'sysctls stdin_open stop_grace_period stop_signal storage_opt tmpfs tty ulimits use_api_socket user uts userns_mode volumes volumes_from ' +
  'working_dir').split(' '));
const BUILD = new Set(('context dockerfile dockerfile_inline entitlements args ssh labels cache_from cache_to no_cache additional_contexts network ' +
  'pull target shm_size extra_hosts isolation privileged secrets tags ulimits platforms').split(' '));
const HEALTH = new Set(['disable', 'interval', 'retries', 'test', 'timeout', 'start_period', 'start_interval']);
const CONDITIONS = new Set(['service_started', 'service_healthy', 'service_completed_successfully']);
const RESTART = /^(no|always|unless-stopped|on-failure(:\d+)?)$/;
const DURATION = /^(\d+(\.\d+)?(us|ms|s|m|h))+$/;

// ---- interpolation, as Compose does it: $$, $VAR, ${VAR}, ${VAR:-d}, ${VAR-d}, ${VAR:?e}, ${VAR?e}, ${VAR:+r}
function interpolate(value, where) {
  if (typeof value === 'string') {
    return value.replace(/\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?+])((?:[^{}]|\{[^{}]*\})*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g, (m, name, op, arg, bare) => {
      if (m === '$$') return '$';
      const key = name ?? bare;
      const v = process.env[key];
      const unsetOrEmpty = v === undefined || v === '';
      switch (op) {
        case ':-': return unsetOrEmpty ? interpolate(arg, where) : v;
        case '-': return v === undefined ? interpolate(arg, where) : v;
        case ':?': if (unsetOrEmpty) bad(where, `required variable ${key} is missing: ${arg}`); return v ?? '';
        case '?': if (v === undefined) bad(where, `required variable ${key} is missing: ${arg}`); return v ?? '';
        case ':+': return unsetOrEmpty ? '' : interpolate(arg, where);
        case '+': return v === undefined ? '' : interpolate(arg, where);
        default:
          if (v === undefined) process.stderr.write(`warning: ${where}: variable ${key} is not set; defaulting to a blank string\n`);
          return v ?? '';
      }
    });
  }
  if (Array.isArray(value)) return value.map((v, i) => interpolate(v, `${where}[${i}]`));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, interpolate(v, `${where}.${k}`)]));
  return value;
}

let doc;
try {
  doc = parse(readFileSync(file, 'utf8'), { merge: true, prettyErrors: true });
} catch (e) {
  console.error(`✗ ${path.relative(process.cwd(), file)}: ${e.message}`);
  process.exit(1);
}
for (const k of Object.keys(doc)) if (k.startsWith('x-')) delete doc[k];
doc = interpolate(doc, 'compose');

for (const k of Object.keys(doc)) if (!TOP.has(k)) bad('top level', `unknown key "${k}"`);
const services = doc.services ?? {};
const volumes = doc.volumes ?? {};
if (!Object.keys(services).length) bad('services', 'none defined');

for (const [name, s] of Object.entries(services)) {
  const at = `services.${name}`;
  if (!/^[a-zA-Z0-9._-]+$/.test(name)) bad(at, 'invalid service name');
  for (const k of Object.keys(s)) if (!SERVICE.has(k) && !k.startsWith('x-')) bad(at, `unknown key "${k}"`);
  if (!s.image && !s.build) bad(at, 'needs image or build');
  if (s.build) {
    const b = typeof s.build === 'string' ? { context: s.build } : s.build;
    for (const k of Object.keys(b)) if (!BUILD.has(k) && !k.startsWith('x-')) bad(`${at}.build`, `unknown key "${k}"`);
    const ctx = path.resolve(dir, b.context ?? '.');
    if (!existsSync(ctx) || !statSync(ctx).isDirectory()) bad(`${at}.build.context`, `${ctx} is not a directory`);
    else if (!b.dockerfile_inline && !existsSync(path.resolve(ctx, b.dockerfile ?? 'Dockerfile'))) bad(`${at}.build.dockerfile`, `${path.resolve(ctx, b.dockerfile ?? 'Dockerfile')} not found`);
  }
  if (s.restart != null && !RESTART.test(String(s.restart))) bad(`${at}.restart`, `"${s.restart}" is not no|always|unless-stopped|on-failure[:n]`);
  for (const key of ['command', 'entrypoint']) {
    if (s[key] != null && typeof s[key] !== 'string' && !(Array.isArray(s[key]) && s[key].every((x) => typeof x === 'string'))) bad(`${at}.${key}`, 'must be a string or a list of strings');
  }
  if (s.environment && !Array.isArray(s.environment)) {
    for (const [k, v] of Object.entries(s.environment)) {
      if (v !== null && !['string', 'number', 'boolean'].includes(typeof v)) bad(`${at}.environment.${k}`, 'must be a scalar');
    }
  }
  if (s.healthcheck) {
    for (const k of Object.keys(s.healthcheck)) if (!HEALTH.has(k)) bad(`${at}.healthcheck`, `unknown key "${k}"`);
    for (const k of ['interval', 'timeout', 'start_period', 'start_interval']) {
      if (s.healthcheck[k] != null && !DURATION.test(String(s.healthcheck[k]))) bad(`${at}.healthcheck.${k}`, `"${s.healthcheck[k]}" is not a duration`);
    }
    const t = s.healthcheck.test;
    if (!s.healthcheck.disable && t != null && Array.isArray(t) && !['CMD', 'CMD-SHELL', 'NONE'].includes(t[0])) bad(`${at}.healthcheck.test`, 'a list must start with CMD, CMD-SHELL or NONE');
  }
  for (const p of s.ports ?? []) {
    if (typeof p === 'string' && !/^((\[?[0-9a-fA-F:.]+\]?):)?(\d+(-\d+)?:)?\d+(-\d+)?(\/(tcp|udp|sctp))?$/.test(p)) bad(`${at}.ports`, `"${p}" is not [HOST:]CONTAINER[/PROTO]`);
  }
  for (const v of s.volumes ?? []) {
    const src = typeof v === 'string' ? v.split(':')[0] : v.source;
    const named = src && !src.startsWith('.') && !src.startsWith('/') && !src.startsWith('~');
    if (named && !(src in volumes)) bad(`${at}.volumes`, `named volume "${src}" is not declared under top-level volumes`);
  }
  const deps = Array.isArray(s.depends_on) ? Object.fromEntries(s.depends_on.map((d) => [d, { condition: 'service_started' }])) : s.depends_on ?? {};
  for (const [dep, spec] of Object.entries(deps)) {
    const w = `${at}.depends_on.${dep}`;
    const target = services[dep];
    if (!target) { bad(w, 'no such service'); continue; }
    if (dep === name) bad(w, 'depends on itself');
    if (!CONDITIONS.has(spec.condition)) bad(w, `condition "${spec.condition}" is not one of ${[...CONDITIONS].join(', ')}`);
    if (spec.condition === 'service_healthy' && (!target.healthcheck || target.healthcheck.disable)) bad(w, `service_healthy but ${dep} has no healthcheck`);
    if (spec.condition === 'service_completed_successfully' && !['no', 'on-failure'].includes(String(target.restart ?? 'no').split(':')[0])) bad(w, `${dep} restarts (${target.restart}), so it may never complete`);
    if (target.profiles?.length && !s.profiles?.length) bad(w, `${dep} is only in profiles ${target.profiles.join(',')} but ${name} is always started`);
  }
}
// dependency cycles
const visiting = new Set();
const done = new Set();
const visit = (n, trail) => {
  if (done.has(n)) return;
  if (visiting.has(n)) { bad('depends_on', `cycle: ${[...trail, n].join(' → ')}`); return; }
  visiting.add(n);
  const d = services[n]?.depends_on;
  for (const dep of Array.isArray(d) ? d : Object.keys(d ?? {})) visit(dep, [...trail, n]);
  visiting.delete(n);
  done.add(n);
};
Object.keys(services).forEach((n) => visit(n, []));

if (problems.length) {
  console.error(`✗ ${path.relative(process.cwd(), file)}: ${problems.length} problem(s)\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  process.exit(1);
}
if (!quiet) process.stdout.write(stringify(doc, { lineWidth: 0, version: '1.1' })); // 1.1 quotes no/yes as Compose needs
console.error(`✓ ${path.relative(process.cwd(), file)}: ${Object.keys(services).length} services (${Object.keys(services).join(', ')}), ${Object.keys(volumes).length} volumes; structure and references OK`);
