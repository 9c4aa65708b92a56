import { printedName } from '../identity/printed-name';
import type { KeycloakAdminClient } from '@kasian/auth';
import type { PrismaService } from '@kasian/database';
import { seedDemoRegisters } from './registers';
import { changedFields, SeedAudit } from './seed-audit';
import { demoIssuedRoute, demoMemoRoute, demoOffice, demoReportRoute, demoPeople, demoPositions, demoTenureStart, demoUnits, DEMO_PASSWORD, type DemoPerson, type DemoStep } from './patueng';

type Tx = Parameters<Parameters<PrismaService['$transaction']>[0]>[0];

export interface SeededLogin {
  username: string;
  password: string;
  nameTh: string;
  positionTh: string | null;
  roles: string[];
}

/**
 * Creates or updates the demo office, its units, positions and people, and
 * links each person to a Keycloak user of the same username (creating the user
 * if the realm lacks it). Safe to run any number of times.
 */
export async function seedDemo(prisma: PrismaService, keycloak: KeycloakAdminClient): Promise<SeededLogin[]> {
  const subjects = new Map<string, string>();
  for (const person of demoPeople) subjects.set(person.username, await ensureKeycloakUser(keycloak, person));
  await prisma.$transaction((tx) => seedOffice(tx, subjects), { timeout: 30_000 });
  return demoPeople.map((person) => ({
    username: person.username,
    password: DEMO_PASSWORD,
    nameTh: printedName(person),
    positionTh: demoPositions.find((p) => p.code === person.position?.code)?.titleTh ?? null,
    roles: person.realmRoles,
  }));
}

async function ensureKeycloakUser(keycloak: KeycloakAdminClient, person: DemoPerson): Promise<string> {
  const attributes = { office: [demoOffice.code] };
  const existing = await keycloak.findUser(person.username);
  if (existing) {
    if (existing.attributes?.office?.[0] !== demoOffice.code) await keycloak.updateAttributes(existing, attributes);
    return existing.id;
  }
  const created = await keycloak.createUser({
    username: person.username,
    email: `${person.username}@${demoOffice.code}.demo.kasian.local`,
    firstName: person.givenName,
    lastName: person.surname,
    attributes,
    password: DEMO_PASSWORD,
    realmRoles: person.realmRoles,
  });
  return created.id;
}

async function seedOffice(tx: Tx, subjects: Map<string, string>): Promise<void> {
  const audit = new SeedAudit(tx);
  const found = await tx.office.findUnique({ where: { code: demoOffice.code } });
  const office = found ?? (await tx.office.create({ data: { ...demoOffice } }));
  const officeId = office.id;
  if (!found) await audit.record(officeId, 'office.created', { type: 'office', id: officeId }, { ...demoOffice });
  const officeChanges = changedFields(office, { ...demoOffice });
  if (Object.keys(officeChanges).length) {
    await tx.office.update({ where: { id: officeId }, data: officeChanges });
    await audit.record(officeId, 'office.updated', { type: 'office', id: officeId }, officeChanges);
  }

  const unitIds = new Map<string, string>();
  for (const [sortOrder, unit] of demoUnits.entries()) {
    const parentId = unit.parent ? unitIds.get(unit.parent)! : null;
    let row = await tx.unit.findFirst({ where: { officeId, parentId, nameTh: unit.nameTh } });
    if (!row) {
      row = await tx.unit.create({ data: { officeId, parentId, kind: unit.kind, nameTh: unit.nameTh, sortOrder } });
      await audit.record(officeId, 'unit.created', { type: 'unit', id: row.id }, { parentId, kind: unit.kind, nameTh: unit.nameTh });
    }
    unitIds.set(unit.key, row.id);
  }

  const positionIds = new Map<string, string>();
  for (const position of demoPositions) {
    const data = {
      kind: position.kind,
      titleTh: position.titleTh,
      unitId: position.unit ? unitIds.get(position.unit)! : null,
      headsUnitId: position.heads ? unitIds.get(position.heads)! : null,
    };
    const row = await upsertAudited(audit, officeId, 'position', await tx.position.findUnique({ where: { officeId_code: { officeId, code: position.code } } }), data, {
      create: () => tx.position.create({ data: { officeId, code: position.code, ...data } }),
      update: (id, changes) => tx.position.update({ where: { id }, data: changes }),
    });
    positionIds.set(position.code, row.id);
  }

  await seedRoute(tx, audit, officeId, positionIds, 'MEMO', 'บันทึกข้อความเสนอนายก (ฝ่าย → สำนักปลัด → ปลัด → นายก)', 'บันทึกข้อความเสนอนายก', demoMemoRoute);
  await seedRoute(tx, audit, officeId, positionIds, 'REPORT', 'รายงานผลการดำเนินการตามมาตรการ ITA เสนอนายกเห็นชอบและเผยแพร่', 'รายงานเสนอนายกเห็นชอบ', demoReportRoute);
  await seedRoute(tx, audit, officeId, positionIds, 'ORDER', 'คำสั่งเสนอนายกลงนาม (สำนักปลัด → ปลัด → นายก)', 'คำสั่งเสนอนายกลงนาม', demoIssuedRoute);
  await seedRoute(tx, audit, officeId, positionIds, 'ANNOUNCEMENT', 'ประกาศเสนอนายกลงนาม (สำนักปลัด → ปลัด → นายก)', 'ประกาศเสนอนายกลงนาม', demoIssuedRoute);
  await seedDemoRegisters(tx, officeId);

  for (const person of demoPeople) {
    const data = {
      honorific: person.honorific,
      rank: person.rank,
      givenName: person.givenName,
      surname: person.surname,
      subject: subjects.get(person.username)!,
      email: `${person.username}@${demoOffice.code}.demo.kasian.local`,
    };
    const row = await upsertAudited(audit, officeId, 'person', await tx.person.findUnique({ where: { officeId_username: { officeId, username: person.username } } }), data, {
      create: () => tx.person.create({ data: { officeId, username: person.username, ...data } }),
      update: (id, changes) => tx.person.update({ where: { id }, data: changes }),
    });
    if (!person.position) continue;
    const positionId = positionIds.get(person.position.code)!;
    const held = await tx.positionAssignment.findFirst({ where: { personId: row.id, positionId, capacity: person.position.capacity } });
    if (!held) {
      const assignment = await tx.positionAssignment.create({
        data: { officeId, personId: row.id, positionId, capacity: person.position.capacity, startsAt: demoTenureStart },
      });
      await audit.record(officeId, 'assignment.created', { type: 'assignment', id: assignment.id }, { personId: row.id, positionId, capacity: assignment.capacity, startsAt: demoTenureStart.toISOString() });
    }
  }
}

/** Creates the row when missing, updates only the fields that differ, and records either change. */
async function upsertAudited<T extends { id: string }, D extends Record<string, unknown>>(
  audit: SeedAudit,
  officeId: string,
  kind: string,
  found: (T & Record<string, unknown>) | null,
  data: D,
  write: { create: () => Promise<T>; update: (id: string, changes: Partial<D>) => Promise<T> },
): Promise<T> {
  if (!found) {
    const created = await write.create();
    await audit.record(officeId, `${kind}.created`, { type: kind, id: created.id }, data);
    return created;
  }
  const changes = changedFields(found, data);
  if (!Object.keys(changes).length) return found;
  const updated = await write.update(found.id, changes);
  await audit.record(officeId, `${kind}.updated`, { type: kind, id: found.id }, changes);
  return updated;
}

/** Version 1 of a route, unless the office already has one for the kind (later versions are the office's own). */
async function seedRoute(
  tx: Tx,
  audit: SeedAudit,
  officeId: string,
  positionIds: Map<string, string>,
  documentKind: 'MEMO' | 'REPORT' | 'ORDER' | 'ANNOUNCEMENT',
  name: string,
  shortName: string,
  route: DemoStep[],
): Promise<void> {
  if (await tx.routeTemplate.findFirst({ where: { officeId, documentKind } })) return;
  const steps = route.map((step) => ({
    key: step.key,
    title: step.title,
    kind: 'SEQUENTIAL',
    addressees: [positionIds.get(step.position)!],
    completion: { rule: 'ALL' },
    words: step.words,
    comment: 'OPTIONAL',
  }));
  const definition = { documentKind, name: shortName, steps, onResubmit: 'RESUME' };
  const template = await tx.routeTemplate.create({
    data: { officeId, documentKind, version: 1, name, definition },
  });
  await audit.record(officeId, 'route_template.published', { type: 'route_template', id: template.id }, { documentKind, version: 1, definition });
}
