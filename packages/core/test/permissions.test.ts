import { describe, expect, it } from 'vitest';
import { type Action, PERMISSIONS, ROLE_IDS, scopeFor } from '../src/permissions.ts';

describe('the permission table', () => {
  it('denies by default: an action not listed for a role is refused', () => {
    expect(scopeFor('administrator', 'child:read')).toBeNull();
    expect(scopeFor('performance-analyst', 'child:update')).toBeNull();
    expect(scopeFor('iro', 'allocation:manage')).toBeNull();
  });

  it('gives every role a row, and no role both user administration and case access', () => {
    for (const role of ROLE_IDS) {
      expect(PERMISSIONS[role]).toBeDefined();
      const actions = Object.keys(PERMISSIONS[role]) as Action[];
      expect(actions.includes('user:manage') && actions.includes('child:read')).toBe(false);
    }
  });

  it('limits IROs to the children they review', () => {
    expect(scopeFor('iro', 'child:read')).toBe('own');
    expect(scopeFor('iro', 'child:search')).toBe('own');
  });

  it('lets social workers change only the cases their team holds', () => {
    expect(scopeFor('social-worker', 'child:read')).toBe('council');
    expect(scopeFor('social-worker', 'child:update')).toBe('team');
  });
});
