import 'reflect-metadata';
import { getMetadataStorage } from 'class-validator';
import { ACTION_BODIES, ORDER_ACTIONS, type ActionFieldSpec } from '@hotline/contracts';
import { ACTION_DTOS } from './dto';

interface Found {
  optional: boolean;
  /** validator name → constraints (the `each` ones under `each:<name>`) */
  rules: Map<string, unknown[]>;
}

/** What class-validator knows of each property of a DTO class (its own and inherited decorators). */
function rulesOf(dto: new () => object): Map<string, Found> {
  const out = new Map<string, Found>();
  for (const m of getMetadataStorage().getTargetValidationMetadatas(dto, '', true, false)) {
    const f = out.get(m.propertyName) ?? { optional: false, rules: new Map() };
    if (m.type === 'conditionalValidation') f.optional = true;
    else f.rules.set(`${m.each ? 'each:' : ''}${m.name ?? m.type}`, m.constraints ?? []);
    out.set(m.propertyName, f);
  }
  return out;
}

/** The decorators a field spec stands for. */
function expected(spec: ActionFieldSpec): Map<string, unknown[]> {
  switch (spec.kind) {
    case 'text':
      return new Map<string, unknown[]>([['isString', []], spec.required ? ['isLength', [1, spec.maxLength]] : ['maxLength', [spec.maxLength]]]);
    case 'int':
      return new Map<string, unknown[]>([['isInt', []], ['min', [spec.min]], ...(spec.max == null ? [] : [['max', [spec.max]] as [string, unknown[]]])]);
    case 'ids':
      return new Map<string, unknown[]>([
        ['isArray', []],
        ['arrayMaxSize', [spec.maxItems]],
        ['arrayUnique', []],
        ['each:isInt', []],
        ['each:min', [1]],
      ]);
    case 'satisfaction':
      return new Map<string, unknown[]>([['isIn', []]]);
    case 'boolean':
      return new Map<string, unknown[]>([['isBoolean', []]]);
    case 'choice':
      return new Map<string, unknown[]>([['isIn', [spec.options]]]);
  }
}

describe('action body DTOs follow the contract (ACTION_BODIES)', () => {
  it.each([...ORDER_ACTIONS])('%s: the same fields, required flags and limits', (action) => {
    const found = rulesOf(ACTION_DTOS[action]);
    const spec = ACTION_BODIES[action] as Record<string, ActionFieldSpec>;
    expect([...found.keys()].filter((k) => k !== 'version').sort()).toEqual(Object.keys(spec).sort());
    for (const [key, field] of Object.entries(spec)) {
      const f = found.get(key) as Found;
      expect({ key, optional: f.optional }).toEqual({ key, optional: !field.required });
      for (const [rule, constraints] of expected(field)) {
        expect({ key, rule, present: f.rules.has(rule) }).toEqual({ key, rule, present: true });
        // isIn/isString/… carry no limit of the contract; the limits must be equal
        if (constraints.length) expect({ key, rule, constraints: (f.rules.get(rule) ?? []).slice(0, constraints.length) }).toEqual({ key, rule, constraints });
      }
    }
    expect(found.get('version')).toMatchObject({ optional: false });
  });
});
