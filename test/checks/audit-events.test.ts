import { describe, expect, it } from 'vitest';
import { findRemovals } from '../../src/checks/audit-events.js';
import type { AppIdentity } from '../../src/checks/audit-events.js';
import { INTEGRATION_APP_ID } from '../../src/checks/constants.js';
import type { DirectoryAuditRecord } from '../../src/checks/snapshot.js';
import { ADMIN_UPN, GRAPH_SP_ID, INTEGRATION_SP_ID, PROVISIONING_APP_ID, PROVISIONING_SP_ID } from '../fixtures/tenant/base.js';
import { patch, removalRecord, scenarios } from '../fixtures/tenant/scenarios.js';
import { finding } from './support.js';

const WHO: AppIdentity[] = [
  { app: 'integration', objectIds: new Set([INTEGRATION_SP_ID]), appIds: new Set([INTEGRATION_APP_ID]), names: new Set(['Cisco Webex Identity Integration']) },
  { app: 'provisioning', objectIds: new Set([PROVISIONING_SP_ID]), appIds: new Set([PROVISIONING_APP_ID]), names: new Set(['Cisco Webex Identity']) },
];

let n = 0;
function record(activity: string, at: string, targets: DirectoryAuditRecord['targetResources'], extra: Partial<DirectoryAuditRecord> = {}): DirectoryAuditRecord {
  n += 1;
  return { id: `r${n}`, activityDisplayName: activity, activityDateTime: at, result: 'success', initiatedBy: { user: { userPrincipalName: ADMIN_UPN } }, targetResources: targets, ...extra };
}
const unknownId = 'ffffffff-eeee-4ddd-8ccc-bbbbbbbbbbbb';

describe('findRemovals', () => {
  it('matches by object id, then appId, then display name as a last resort', () => {
    const events = findRemovals(
      [
        record('Remove service principal', '2023-05-01T00:00:00Z', [{ id: INTEGRATION_SP_ID }]),
        record('Remove service principal', '2023-05-02T00:00:00Z', [{ id: unknownId, modifiedProperties: [{ displayName: 'AppId', oldValue: `"${INTEGRATION_APP_ID}"` }] }]),
        record('Remove service principal', '2023-05-03T00:00:00Z', [{ id: unknownId, displayName: 'Cisco Webex Identity Integration' }]),
      ],
      WHO,
    );
    expect(events.map((e) => e.matchedBy)).toEqual(['name', 'appId', 'id']);
  });

  it('"Cisco Webex Identity" is the provisioning app, not the Integration app', () => {
    const [event] = findRemovals([record('Hard delete service principal', '2023-05-01T00:00:00Z', [{ id: unknownId, displayName: 'Cisco Webex Identity' }])], WHO);
    expect(event).toMatchObject({ app: 'provisioning', kind: 'sp-hard-deleted', matchedBy: 'name' });
  });

  it('ignores failed operations and other apps', () => {
    expect(
      findRemovals(
        [
          record('Remove service principal', '2023-05-01T00:00:00Z', [{ id: INTEGRATION_SP_ID }], { result: 'failure' }),
          record('Remove service principal', '2023-05-01T00:00:00Z', [{ id: unknownId, displayName: 'Contoso HR' }]),
          record('Update user', '2023-05-01T00:00:00Z', [{ id: INTEGRATION_SP_ID }]),
        ],
        WHO,
      ),
    ).toEqual([]);
  });

  it('names the removed permission: app role value, or a delegated scope (the record targets Graph, the app is in a property)', () => {
    const events = findRemovals(
      [
        record('Remove app role assignment from service principal', '2023-05-01T00:00:00Z', [
          { id: GRAPH_SP_ID, modifiedProperties: [{ displayName: 'AppRole.Id', oldValue: '"b0afded3-3588-46d8-8b3d-9842eff778da"' }, { displayName: 'ServicePrincipal.ObjectID', oldValue: `"${INTEGRATION_SP_ID}"` }] },
        ]),
        record('Remove delegated permission grant', '2023-05-02T00:00:00Z', [
          { id: GRAPH_SP_ID, modifiedProperties: [{ displayName: 'DelegatedPermissionGrant.Scope', oldValue: '"User.Read"' }, { displayName: 'ServicePrincipal.ObjectID', oldValue: `"${INTEGRATION_SP_ID}"` }] },
        ]),
      ],
      WHO,
    );
    expect(events.map((e) => [e.kind, e.permission])).toEqual([
      ['grant-removed', 'User.Read'],
      ['role-removed', 'AuditLog.Read.All'],
    ]);
  });

  it('a later consent undoes a removal; a repair of another permission does not', () => {
    const events = findRemovals(
      [
        removalRecord,
        record('Consent to application', '2023-05-21T23:00:00Z', [{ id: unknownId, displayName: 'Cisco Webex Identity Integration' }]),
        record('Remove app role assignment from service principal', '2023-05-22T01:00:00Z', [
          { id: GRAPH_SP_ID, modifiedProperties: [{ displayName: 'AppRole.Value', oldValue: '"Domain.Read.All"' }, { displayName: 'ServicePrincipal.ObjectID', oldValue: `"${INTEGRATION_SP_ID}"` }] },
        ]),
        record('Add app role assignment to service principal', '2023-05-22T02:00:00Z', [
          { id: GRAPH_SP_ID, modifiedProperties: [{ displayName: 'AppRole.Value', newValue: '"Group.Read.All"' }, { displayName: 'ServicePrincipal.ObjectID', newValue: `"${INTEGRATION_SP_ID}"` }] },
        ]),
      ],
      WHO,
    );
    const removal = events.find((e) => e.kind === 'sp-removed');
    const role = events.find((e) => e.kind === 'role-removed');
    expect(removal?.undoneAt).toBe('2023-05-21T23:00:00Z');
    expect(role?.undoneAt).toBeUndefined();
  });

  it('a repair made before the removal does not undo it', () => {
    const [event] = findRemovals([removalRecord, record('Add service principal', '2023-05-20T00:00:00Z', [{ id: INTEGRATION_SP_ID }])], WHO);
    expect(event?.undoneAt).toBeUndefined();
  });

  it('an enable undoes a disable; only AccountEnabled changes count as either', () => {
    const flip = (at: string, from: string, to: string) =>
      record('Update service principal', at, [{ id: INTEGRATION_SP_ID, modifiedProperties: [{ displayName: 'AccountEnabled', oldValue: `[${from}]`, newValue: `[${to}]` }] }]);
    const other = record('Update service principal', '2023-05-03T00:00:00Z', [{ id: INTEGRATION_SP_ID, modifiedProperties: [{ displayName: 'Tags', oldValue: '[]', newValue: '["x"]' }] }]);
    const events = findRemovals([flip('2023-05-01T00:00:00Z', 'true', 'false'), flip('2023-05-02T00:00:00Z', 'false', 'true'), other], WHO);
    expect(events).toEqual([expect.objectContaining({ kind: 'disabled', undoneAt: '2023-05-02T00:00:00Z' })]);
  });

  it('records without an actor keep the change, with no name invented', () => {
    const [event] = findRemovals([record('Revoke consent', '2023-05-01T00:00:00Z', [{ id: INTEGRATION_SP_ID }], { initiatedBy: {} })], WHO);
    expect(event).toMatchObject({ kind: 'consent-revoked', byApp: false });
    expect(event?.by).toBeUndefined();
  });

  it('changes made by an app are attributed to the app', () => {
    const [event] = findRemovals(
      [record('Remove service principal', '2023-05-01T00:00:00Z', [{ id: INTEGRATION_SP_ID }], { initiatedBy: { app: { displayName: 'Cleanup Automation', appId: 'a' } } })],
      WHO,
    );
    expect(event).toMatchObject({ by: 'Cleanup Automation', byApp: true });
  });
});

describe('no-recent-removals', () => {
  it('passes, listing the undone change, when the removal was repaired by a consent', () => {
    const s = scenarios.removedRestorable();
    if (s.audits.status !== 'ok') throw new Error('audits readable in this scenario');
    const repaired = patch(
      {
        audits: {
          status: 'ok',
          value: { ...s.audits.value, records: [...s.audits.value.records, record('Consent to application', '2023-05-22T08:00:00Z', [{ id: unknownId, displayName: 'Cisco Webex Identity Integration' }])] },
        },
      },
      s,
    );
    const f = finding(repaired, 'no-recent-removals');
    expect(f.outcome).toBe('pass');
    expect(f.summary).toEqual({ key: 'check.no-recent-removals.pass-undone', params: { days: 30, count: 1 } });
    expect(f.facts.some((x) => x.value.key === 'check.value.undone')).toBe(true);
  });

  it('says which window was searched (7 days on Entra ID Free)', () => {
    const s = scenarios.healthy();
    const f = finding(patch({ audits: { status: 'ok', value: { from: '2023-05-15T09:00:00.000Z', to: '2023-05-22T09:00:00.000Z', records: [] } } }, s), 'no-recent-removals');
    expect(f.summary.params).toEqual({ days: 7 });
    expect(f.facts[0]?.value.params).toMatchObject({ days: 7 });
  });
});
