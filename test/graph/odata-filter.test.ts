import { describe, expect, it } from 'vitest';
import { FilterError, evaluateFilter, filterProperties, parseFilter } from '../../src/local/standins/entra/graph/odata-filter.js';

const audit = {
  activityDisplayName: 'Remove service principal',
  activityDateTime: '2025-05-30T10:00:00Z',
  initiatedBy: { user: { userPrincipalName: 'admin@contoso.com' } },
  targetResources: [
    { id: 'sp-1', displayName: 'Cisco Webex Identity Integration' },
    { id: 'sp-2', displayName: "O'Brien's app" },
  ],
};

const matches = (filter: string, item: object = audit): boolean => evaluateFilter(parseFilter(filter), item);

describe('the stand-in OData $filter', () => {
  it('compares strings case-insensitively and dates as dates', () => {
    expect(matches("activityDisplayName eq 'remove SERVICE principal'")).toBe(true);
    expect(matches("activityDisplayName ne 'Remove service principal'")).toBe(false);
    expect(matches('activityDateTime ge 2025-05-30T09:59:59.999Z and activityDateTime le 2025-05-30T10:00:00Z')).toBe(true);
    expect(matches('activityDateTime gt 2025-05-30T10:00:00Z')).toBe(false);
  });

  it('handles startswith, and/or/not with parentheses, nested paths and any() lambdas', () => {
    expect(matches("startswith(activityDisplayName, 'Remove')")).toBe(true);
    expect(matches("initiatedBy/user/userPrincipalName eq 'admin@contoso.com'")).toBe(true);
    expect(matches("targetResources/any(t: t/id eq 'sp-2')")).toBe(true);
    expect(matches("targetResources/any(t: startswith(t/displayName, 'Cisco Webex Identity'))")).toBe(true);
    expect(matches("targetResources/any(t: t/displayName eq 'O''Brien''s app')")).toBe(true);
    expect(matches("targetResources/any(t: t/id eq 'sp-3')")).toBe(false);
    expect(matches("not (activityDisplayName eq 'x' or activityDisplayName eq 'y') and targetResources/any(t: t/id eq 'sp-1')")).toBe(true);
    expect(matches('accountEnabled eq false', { accountEnabled: false })).toBe(true);
    expect(matches('accountEnabled eq true', { accountEnabled: false })).toBe(false);
  });

  it('lists the properties a filter reads, lambda bodies qualified by their collection', () => {
    const node = parseFilter("activityDateTime ge 2025-01-01 and targetResources/any(t: t/id eq 'x')");
    expect(filterProperties(node)).toEqual(['activityDateTime', 'targetResources/id']);
  });

  it('rejects what Graph would reject', () => {
    for (const bad of ["appId eq", "appId like 'x'", "(appId eq 'x'", "startswith(appId, 1)", "appId eq 'x' extra", "appId eq 'unterminated"]) {
      expect(() => parseFilter(bad), bad).toThrow(FilterError);
    }
  });
});
