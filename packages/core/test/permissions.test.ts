import { describe, expect, it } from 'vitest';
import { type Action, grantNeedsApproval, PERMISSIONS, ROLE_IDS, ROLES_SEEING_RESTRICTED, scopeFor } from '../src/permissions.ts';

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

  it('keeps two people apart: no role both asks for a grant and approves it', () => {
    for (const role of ROLE_IDS) {
      const actions = Object.keys(PERMISSIONS[role]) as Action[];
      expect(actions.includes('user:manage') && actions.includes('access:approve')).toBe(false);
    }
    expect(ROLE_IDS.filter((r) => scopeFor(r, 'access:approve'))).toEqual(['head-of-service']);
  });

  it('asks for approval for every role reaching restricted records and for any worker binding, and for nothing else', () => {
    for (const role of ROLE_IDS) expect(grantNeedsApproval({ role })).toBe(ROLES_SEEING_RESTRICTED.includes(role));
    expect(grantNeedsApproval({ role: 'social-worker', workerId: '8d0a4b7e-2f4c-4a51-9d53-0c9f1f3b2a10' })).toBe(true);
    expect(grantNeedsApproval({ role: 'social-worker', workerId: null })).toBe(false);
  });
});
