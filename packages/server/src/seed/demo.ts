import { nordostPreset, type Role } from '@jourbok/domain';
import type { Ctx } from '../app/context.ts';
import { hashPassword } from '../features/auth/crypto.ts';
import { initOrganisation } from '../features/organisation/service.ts';
import { seedDemoCases } from './demo-cases.ts';
import { seedDemoPoliticians } from './demo-politicians.ts';
import { seedDemoStaff } from './demo-staff.ts';
import { seedDemoPoliticianDecisions } from './demo-signatures.ts';
import { seedDemoMoney } from './demo-money.ts';
import { historyEndsBefore, seedDemoHistory, seedDemoStatisticsSettings } from './demo-history.ts';
import { seedPrivacyDemo } from './demo-privacy.ts';
import { seedDemoQuality } from './demo-quality.ts';
import { seedDemoPlans, seedDemoTurnOuts } from './demo-plans.ts';

/**
 * The demo organisation: Socialjouren Nordost, its seven members, staff,
 * population and a month of cases. Deterministic, so every newcomer and every test sees the same.
 */
export const DEMO_PASSWORD = 'demo-jourbok-2026';

export interface DemoAccount {
  username: string;
  displayName: string;
  role: Role;
  municipalityCode: string | null;
  /** base32 TOTP secret (fixed for the demo; shown by the login page in demo mode) */
  totpSecret: string | null;
}

export const demoAccounts: DemoAccount[] = [
  { username: 'demo.socialsekreterare', displayName: 'Sara Lindqvist', role: 'socialsekreterare', municipalityCode: null, totpSecret: 'JBDEMOSOCIALSEKRETERARE2AAAAAAAA' },
  { username: 'demo.enhetschef', displayName: 'Lotta Stensö', role: 'enhetschef', municipalityCode: null, totpSecret: 'JBDEMOENHETSCHEFXXXXXXXXAAAAAAAA' },
  { username: 'demo.kommun', displayName: 'Karin Åberg (Täby)', role: 'kommun', municipalityCode: '0160', totpSecret: 'JBDEMOKOMMUNTABYXXXXXXXXAAAAAAAA' },
  { username: 'demo.kommun.lidingo', displayName: 'Olof Ek (Lidingö)', role: 'kommun', municipalityCode: '0186', totpSecret: 'JBDEMOKOMMUNLIDINGOXXXXXAAAAAAAA' },
  { username: 'demo.controller', displayName: 'Per Holm', role: 'controller', municipalityCode: null, totpSecret: null },
  { username: 'demo.admin', displayName: 'Anna Berg', role: 'admin', municipalityCode: null, totpSecret: null },
];

/** Staff of the unit (socialsekreterare), beyond the demo accounts. */
const staff = [
  ['jonas.nyberg', 'Jonas Nyberg'],
  ['maria.sandberg', 'Maria Sandberg'],
  ['ali.hassan', 'Ali Hassan'],
  ['eva.lund', 'Eva Lund'],
] as const;

/** Population per member (rounded figures near Statistics Sweden's for 2022–2026). */
const population: Record<string, number[]> = {
  '0115': [34_600, 35_100, 35_500, 35_900, 36_300],
  '0117': [47_700, 48_300, 48_900, 49_400, 49_900],
  '0187': [12_200, 12_300, 12_400, 12_500, 12_600],
  '0186': [47_900, 48_100, 48_300, 48_500, 48_700],
  '0188': [63_600, 64_300, 64_900, 65_500, 66_100],
  '0162': [33_300, 33_400, 33_600, 33_800, 34_000],
  '0160': [74_000, 74_800, 75_500, 76_200, 76_900],
};

export async function isDatabaseEmpty(ctx: Ctx): Promise<boolean> {
  const org = await ctx.trx.selectFrom('organisation').select('id').limit(1).executeTakeFirst();
  return !org;
}

export async function seedDemo(ctx: Ctx): Promise<string> {
  const organisationId = await initOrganisation(ctx, nordostPreset);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const accounts = [
    ...demoAccounts,
    ...staff.map(([username, displayName]) => ({ username, displayName, role: 'socialsekreterare' as Role, municipalityCode: null, totpSecret: null })),
  ];
  await ctx.trx
    .insertInto('app_user')
    .values(
      accounts.map((a) => ({
        organisation_id: organisationId,
        username: a.username,
        display_name: a.displayName,
        email: `${a.username}@example.se`,
        role: a.role,
        municipality_code: a.municipalityCode,
        password_hash: passwordHash,
        totp_secret: a.totpSecret,
        totp_enrolled_at: a.totpSecret ? ctx.now : null,
        created_at: ctx.now,
        updated_at: ctx.now,
      })),
    )
    .execute();
  await ctx.trx
    .insertInto('population')
    .values(
      Object.entries(population).flatMap(([code, figures]) =>
        figures.map((p, i) => ({ organisation_id: organisationId, municipality_code: code, year: 2022 + i, population: p })),
      ),
    )
    .execute();
  await ctx.trx.updateTable('municipality').set({ functional_mailbox: 'socialtjanst@example.se' }).where('organisation_id', '=', organisationId).execute();
  const cases = await seedDemoCases(ctx, organisationId);
  await seedDemoPoliticians(ctx, organisationId);
  await seedDemoPoliticianDecisions(ctx, organisationId);
  await seedDemoStaff(ctx, organisationId);
  // Old cases due for retention and a month of reads for the access review.
  await seedPrivacyDemo(ctx, organisationId);
  await seedDemoQuality(ctx, organisationId);
  // Imported history since 2022, so that reports compare three years (T1 2022–2024 as in Nordost's own report).
  await seedDemoHistory(ctx, organisationId, historyEndsBefore(ctx.now));
  await seedDemoStatisticsSettings(ctx, organisationId);
  await seedDemoMoney(ctx, organisationId);
  await seedDemoPlans(ctx, organisationId);
  await seedDemoTurnOuts(ctx, organisationId);
  await ctx.audit({ action: 'system.demo_seeded', entityType: 'system', entityId: organisationId, details: { users: accounts.length, cases } });
  return organisationId;
}
