// The pieces the notice and assignment forms share: the card with its form
// and submit button, the municipality (jour staff choose; a kommun user's is
// their own), and the municipality's contact person.
import type { ReactNode, RefObject } from 'react';
import { ErrorBanner } from '../../../components/ui/banner.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Card } from '../../../components/ui/card.tsx';
import { SelectField, TextField } from '../../../components/ui/field.tsx';
import { sv } from '../../../lib/sv.ts';
import { useOrganisation } from '../../organisation/api.ts';
import { useSession } from '../../session/api.ts';

/** Jour staff register for a municipality they choose; a kommun user always for their own. */
export function useIsJour(): boolean {
  return !useSession().user?.municipalityCode;
}

/** The municipality a form registers for: a kommun user's own, or the one jour staff chose. */
export function useFormMunicipality(chosen: string): string | null {
  const own = useSession().user?.municipalityCode;
  return own ?? (chosen || null);
}

export function RegisterFormCard({
  title,
  formRef,
  onSubmit,
  banner,
  submitLabel,
  pendingLabel,
  pending,
  secondary,
  children,
}: {
  title: string;
  formRef: RefObject<HTMLFormElement | null>;
  onSubmit: () => void;
  banner: unknown;
  submitLabel: string;
  pendingLabel: string;
  pending: boolean;
  /** e.g. a cancel button, after the submit button */
  secondary?: ReactNode;
  children: ReactNode;
}) {
  return (
    <Card title={title}>
      <form
        ref={formRef}
        className="stack"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          onSubmit();
        }}
      >
        <ErrorBanner error={banner} />
        {children}
        <div className="button-row">
          <Button type="submit" variant="primary" pending={pending} pendingLabel={pendingLabel}>
            {submitLabel}
          </Button>
          {secondary}
        </div>
      </form>
    </Card>
  );
}

/** The member municipality, for jour staff only (nothing for a kommun user). */
export function MunicipalityField({ value, onChange, error }: { value: string; onChange: (code: string) => void; error?: string | undefined }) {
  const isJour = useIsJour();
  const organisation = useOrganisation(isJour);
  if (!isJour) return null;
  return (
    <SelectField
      label={sv.notices.municipality}
      name="municipalityCode"
      value={value}
      onChange={onChange}
      options={[{ value: '', label: sv.notices.chooseMunicipality }, ...(organisation.data?.municipalities ?? []).filter((m) => m.isMember).map((m) => ({ value: m.code, label: m.name }))]}
      error={error}
    />
  );
}

export function ContactFields({
  name,
  phone,
  onName,
  onPhone,
  errors,
}: {
  name: string;
  phone: string;
  onName: (v: string) => void;
  onPhone: (v: string) => void;
  errors: Record<string, string | undefined>;
}) {
  return (
    <>
      <TextField label={sv.notices.contactName} name="contactName" value={name} onChange={onName} error={errors.contactName} />
      <TextField label={sv.notices.contactPhone} name="contactPhone" type="tel" value={phone} onChange={onPhone} error={errors.contactPhone} />
    </>
  );
}

/** The first error about the persons list (the list, or one of its entries). */
export function personsError(errors: Record<string, string | undefined>): string | undefined {
  return errors.persons ?? Object.entries(errors).find(([k]) => k.startsWith('persons.'))?.[1];
}
