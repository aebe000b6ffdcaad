import { roleMayEver } from './transitions';

describe('roleMayEver: whether a role takes an action in some status', () => {
  it('says yes for the role the transition table names and no for the others', () => {
    expect(roleMayEver('sign', 'unit_handler')).toBe(true);
    expect(roleMayEver('sign', 'agent')).toBe(false);
    expect(roleMayEver('dispatch', 'dispatcher')).toBe(true);
    expect(roleMayEver('callback', 'leader')).toBe(false);
  });
});
