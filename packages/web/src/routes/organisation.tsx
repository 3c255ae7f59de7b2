// /organisation: settings, calendar, municipalities, categories, decision types.
import { Banner } from '../components/ui/banner.tsx';
import { PageHeader } from '../components/ui/page.tsx';
import { QueryState } from '../components/ui/query-state.tsx';
import { useOrganisation } from '../features/organisation/api.ts';
import { CategoriesSection } from '../features/organisation/components/categories-section.tsx';
import { DecisionTypesSection } from '../features/organisation/components/decision-types-section.tsx';
import { MunicipalitiesSection } from '../features/organisation/components/municipalities-section.tsx';
import { SettingsForm } from '../features/organisation/components/settings-form.tsx';
import { useCan } from '../features/session/api.ts';
import { SuppressionSection } from '../features/statistics/components/suppression-section.tsx';
import { sv } from '../lib/sv.ts';

export function OrganisationPage() {
  const can = useCan();
  const canEdit = can('organisation.update');
  const query = useOrganisation();
  return (
    <>
      <PageHeader title={sv.organisation.title} lead={query.data?.name} />
      <QueryState query={query}>
        {(organisation) => (
          <div className="stack stack--large">
            {!canEdit ? <Banner kind="info">{sv.common.readOnly}</Banner> : null}
            <SettingsForm organisation={organisation} canEdit={canEdit} />
            <MunicipalitiesSection organisation={organisation} canEdit={canEdit} />
            <CategoriesSection organisation={organisation} canEdit={canEdit} />
            <DecisionTypesSection organisation={organisation} canEdit={canEdit} />
            <SuppressionSection canEdit={canEdit} />
          </div>
        )}
      </QueryState>
    </>
  );
}
