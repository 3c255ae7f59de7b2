import type { Ctx } from '../../app/context.ts';
import { AppError } from '../../errors.ts';
import { actorOf, findOrCreatePerson, isPersonVisible, type PersonInput } from '../persons/service.ts';

/**
 * Acting for a member municipality: a kommun user for its own, the jour's
 * staff for any member (taking a notice or an assignment by phone).
 */

/** A person named in a notice or an assignment: one found by search, or a new one. */
export interface PersonRequest {
  personId?: string | undefined;
  person?: PersonInput | undefined;
}

/**
 * The municipality a kommun user or a member of the jour acts for: a kommun
 * user its own (another is refused); jour staff must name one of the members.
 */
export async function municipalityFor(ctx: Ctx, requested: string | null): Promise<{ code: string; name: string }> {
  const actor = actorOf(ctx);
  let code = requested;
  if (actor.role === 'kommun') {
    if (code && code !== actor.municipalityCode) throw new AppError('forbidden', 'Du kan bara registrera för din egen kommun.', 'municipalityCode');
    code = actor.municipalityCode;
  }
  if (!code) throw new AppError('validation', 'Välj vilken kommun det gäller.', 'municipalityCode');
  const row = await ctx.trx.selectFrom('municipality').select(['code', 'name', 'is_member']).where('organisation_id', '=', actor.organisationId).where('code', '=', code).executeTakeFirst();
  if (!row || !row.is_member) throw new AppError('validation', 'Kommunen är inte medlem i jouren.', 'municipalityCode');
  return { code: row.code, name: row.name };
}

/** The persons named: found ones the actor may see, or new ones (created as on the person page, or matched by personnummer). */
export async function resolvePersons(ctx: Ctx, persons: PersonRequest[], municipalityCode: string, permission: 'notices.write' | 'assignments.write'): Promise<string[]> {
  const ids: string[] = [];
  for (const [i, p] of persons.entries()) {
    if (p.personId) {
      if (!(await isPersonVisible(ctx, p.personId))) throw new AppError('validation', 'Personen finns inte.', `persons.${i}.personId`);
      ids.push(p.personId);
    } else if (p.person) {
      ids.push(await findOrCreatePerson(ctx, { ...p.person, homeMunicipalityCode: p.person.homeMunicipalityCode ?? municipalityCode }, permission));
    }
  }
  return [...new Set(ids)];
}

