import { ButtonLink } from '../components/ui/button.tsx';
import { PageHeader } from '../components/ui/page.tsx';
import { sv } from '../lib/sv.ts';

/** Shown in place of a page the role may not use (the address stays, so it can be reported). */
export function ForbiddenPage() {
  return (
    <div className="message-page">
      <PageHeader title={sv.forbidden.title} lead={sv.forbidden.text} />
      <ButtonLink to="/" variant="primary">
        {sv.forbidden.home}
      </ButtonLink>
    </div>
  );
}
