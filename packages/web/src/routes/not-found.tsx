import { ButtonLink } from '../components/ui/button.tsx';
import { PageHeader } from '../components/ui/page.tsx';
import { sv } from '../lib/sv.ts';

export function NotFoundPage() {
  return (
    <div className="message-page">
      <PageHeader title={sv.notFound.title} lead={sv.notFound.text} />
      <ButtonLink to="/" variant="primary">
        {sv.notFound.home}
      </ButtonLink>
    </div>
  );
}
