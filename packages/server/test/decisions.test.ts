import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Agent, type TestApp } from './support/app.ts';

let t: TestApp;
let worker: Agent;
let caseId: string;
let childId: string;
let adultId: string;

const person = (identityNumber: string, firstName: string) => ({ identityKind: 'personnummer', identityNumber, reserveIssuer: null, firstName, lastName: 'Beslutsson', birthYearApprox: null, homeMunicipalityCode: null, address: null, phone: null, email: null, protection: 'none', hiddenResidence: false });

beforeAll(async () => {
  t = await createTestApp();
  // Saturday 2026-03-28 21:00 local: the LVU 6 § week ends on Saturday 2026-04-04, in Easter.
  t.clock.set('2026-03-28T20:00:00Z');
  worker = await t.signIn('demo.socialsekreterare');
  const res = await worker.post('/api/cases', {
    caseType: 'arende',
    contactChannel: 'polis',
    municipalityCode: '0188',
    categoryCode: 'barn_unga',
    summary: 'Polisen på plats, 14-åring i akut fara i hemmet.',
    persons: [
      { person: person('20120315-2382', 'Nova'), role: 'child' },
      { person: person('19750202-1236', 'Vuxen'), role: 'guardian' },
    ],
  });
  expect(res.statusCode, res.body).toBe(200);
  caseId = res.json().id;
  const view = (await worker.get(`/api/cases/${caseId}`)).json();
  childId = view.persons.find((p: { role: string }) => p.role === 'child').id;
  adultId = view.persons.find((p: { role: string }) => p.role === 'guardian').id;
});
afterAll(() => t.close());

const lvu6 = () => ({
  typeCode: 'LVU6',
  makerKind: 'politician',
  makerName: 'Eva Ordförande',
  makerCapacity: 'Ordförande i socialnämnden, Norrtälje',
  communicatedVia: 'phone',
  grounds: 'Barnet riskerar allvarlig skada; rättens beslut kan inte avvaktas.',
  subjectPersonId: childId,
});

describe('decisions', () => {
  it('LVU 6 § taken by a social worker is refused, citing who may decide', async () => {
    const res = await worker.post(`/api/cases/${caseId}/decisions`, { ...lvu6(), makerKind: 'delegation', makerName: 'Sara Lindqvist' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.field).toBe('makerKind');
    expect(res.json().error.message).toContain('JO 956-2008');
  });

  it('LVU 6 § for a person of 20 or more is refused', async () => {
    const res = await worker.post(`/api/cases/${caseId}/decisions`, { ...lvu6(), subjectPersonId: adultId });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toMatch(/20/);
  });

  let lvu6Id: string;
  it('LVU 6 § by the on-call politician starts the court deadline: nominal target, moved date as information', async () => {
    const res = await worker.post(`/api/cases/${caseId}/decisions`, lvu6());
    expect(res.statusCode, res.body).toBe(200);
    lvu6Id = res.json().id;
    const view = (await worker.get(`/api/cases/${caseId}`)).json();
    const decision = view.decisions.find((d: { id: string }) => d.id === lvu6Id);
    expect(decision.legalReference).toContain('6 §');
    expect(decision.deadlines).toHaveLength(1);
    // Saturday 2026-03-28 + one week = Saturday 2026-04-04; the next working day after Easter is Tuesday 2026-04-07.
    expect(decision.deadlines[0]).toMatchObject({ nominalDate: '2026-04-04', movedDate: '2026-04-07', confirmedAt: null });
    const board = (await worker.get('/api/board')).json();
    expect(board.deadlines.map((d: { caseId: string }) => d.caseId)).toContain(caseId);
  });

  it('police assistance needs a valid LVU decision for the same child and written special circumstances', async () => {
    const base = { typeCode: 'LVU43', makerKind: 'delegation', makerName: 'Sara Lindqvist', communicatedVia: 'phone', grounds: 'Vårdnadshavaren motsätter sig.', subjectPersonId: childId };
    const noBasis = await worker.post(`/api/cases/${caseId}/decisions`, { ...base, specialCircumstances: 'Risk för våld.' });
    expect(noBasis.statusCode).toBe(400);
    expect(noBasis.json().error.field).toBe('linkedDecisionId');
    const noStatement = await worker.post(`/api/cases/${caseId}/decisions`, { ...base, linkedDecisionId: lvu6Id });
    expect(noStatement.statusCode).toBe(400);
    expect(noStatement.json().error.field).toBe('specialCircumstances');
    const solPlaced = await worker.post(`/api/cases/${caseId}/decisions`, { ...base, linkedDecisionId: lvu6Id, specialCircumstances: 'Risk för våld.', subjectPlacement: 'sol' });
    expect(solPlaced.statusCode).toBe(400);
    expect(solPlaced.json().error.message).toMatch(/SoL|socialtjänstlagen/);
    const ok = await worker.post(`/api/cases/${caseId}/decisions`, { ...base, linkedDecisionId: lvu6Id, specialCircumstances: 'Vårdnadshavaren har hotat med våld mot personalen.' });
    expect(ok.statusCode, ok.body).toBe(200);

    const withdrawn = await worker.post(`/api/cases/${caseId}/decisions/${ok.json().id}/withdraw`, { reason: 'Barnet har påträffats och placerats.' });
    expect(withdrawn.statusCode).toBe(200);
    const again = await worker.post(`/api/cases/${caseId}/decisions/${ok.json().id}/withdraw`, { reason: 'Igen av misstag.' });
    expect(again.statusCode).toBe(400);
    const view = (await worker.get(`/api/cases/${caseId}`)).json();
    expect(view.decisions.find((d: { id: string }) => d.id === ok.json().id)).toMatchObject({ status: 'withdrawn', withdrawnReason: 'Barnet har påträffats och placerats.' });
  });

  it('LVM 13 § submission is due the next day', async () => {
    const res = await worker.post(`/api/cases/${caseId}/decisions`, { typeCode: 'LVM13', makerKind: 'politician', makerName: 'Eva Ordförande', communicatedVia: 'phone', grounds: 'Allvarlig fara för hälsan.', subjectPersonId: adultId });
    expect(res.statusCode, res.body).toBe(200);
    const view = (await worker.get(`/api/cases/${caseId}`)).json();
    expect(view.decisions.find((d: { id: string }) => d.id === res.json().id).deadlines[0]).toMatchObject({ nominalDate: '2026-03-29', movedDate: '2026-03-30' });
  });

  it('emergency aid must say granted or refused, with an exact amount', async () => {
    const base = { typeCode: 'EKONOMISKT_BISTAND', makerKind: 'delegation', makerName: 'Sara Lindqvist', communicatedVia: 'in_person', grounds: 'Saknar mat över helgen.' };
    const missing = await worker.post(`/api/cases/${caseId}/decisions`, base);
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.field).toBe('granted');
    const ok = await worker.post(`/api/cases/${caseId}/decisions`, { ...base, granted: true, amountSek: '450,50' });
    expect(ok.statusCode, ok.body).toBe(200);
    const view = (await worker.get(`/api/cases/${caseId}`)).json();
    expect(view.decisions.find((d: { id: string }) => d.id === ok.json().id)).toMatchObject({ granted: true, amountSek: '450.50' });
  });

  it('the handover report lists the decisions with their deadlines as to-dos', async () => {
    await worker.post(`/api/cases/${caseId}/journal`, { kind: 'protection_assessment', body: 'Barnet omhändertaget och placerat i jourhem.' });
    const view = (await worker.get(`/api/cases/${caseId}`)).json();
    const closed = await worker.post(`/api/cases/${caseId}/close`, { outcome: 'handed_over', nextSteps: 'Ansök om vård hos förvaltningsrätten.', version: view.version });
    expect(closed.statusCode, closed.body).toBe(200);
    const report = (await worker.get(`/api/handover-reports/${closed.json().id}`)).json();
    expect(report.payload.toDo.join('\n')).toContain('2026-04-04');
    expect(report.payload.case.decisions.map((d: { typeCode: string }) => d.typeCode)).toEqual(['LVU6', 'LVU43', 'LVM13', 'EKONOMISKT_BISTAND']);
  });
});
