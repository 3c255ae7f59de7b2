import { CategoryInput as CategoryInputSchema } from '@jourbok/contracts';
import { useRef, useState } from 'react';
import { Badge } from '../../../components/ui/badge.tsx';
import { Banner, ErrorBanner } from '../../../components/ui/banner.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Dialog } from '../../../components/ui/dialog.tsx';
import { Checkbox, TextField } from '../../../components/ui/field.tsx';
import { Section } from '../../../components/ui/page.tsx';
import { Table } from '../../../components/ui/table.tsx';
import { isApiError } from '../../../lib/api.ts';
import { splitError, useDraft, useFormErrors, validate } from '../../../lib/form.ts';
import { sv } from '../../../lib/sv.ts';
import { useSaveCategory, type Category, type Organisation } from '../api.ts';

const known = ['code', 'name', 'sortOrder', 'isPrioritised', 'isActive'];

const toInt = (value: string) => (/^\d+$/.test(value.trim()) ? Number(value.trim()) : Number.NaN);

function CategoryDialog({ category, isNew, onClose, onSaved }: { category: Category; isNew: boolean; onClose: () => void; onSaved: (name: string) => void }) {
  const formRef = useRef<HTMLDivElement>(null);
  const { draft, update, discard, version } = useDraft(category, (c) => ({
    code: c.code,
    name: c.name,
    sortOrder: String(c.sortOrder),
    isPrioritised: c.isPrioritised,
    isActive: c.isActive,
  }));
  const { errors, fail, clear, focusInvalid } = useFormErrors(formRef);
  const save = useSaveCategory(isNew);
  const server = splitError(save.error, known);
  const fieldErrors = { ...server.fieldErrors, ...errors };
  const set = <K extends keyof typeof draft>(key: K, value: (typeof draft)[K]) => update((d) => ({ ...d, [key]: value }));

  const submit = () => {
    const sortOrder = toInt(draft.sortOrder);
    const result = validate(CategoryInputSchema, { ...draft, code: draft.code.trim(), sortOrder, ...(isNew ? {} : { version }) });
    if (!result.ok) {
      save.reset();
      fail(Number.isNaN(sortOrder) ? { ...result.errors, sortOrder: sv.common.integer } : result.errors);
      return;
    }
    clear();
    save.mutate(result.data, {
      onSuccess: () => onSaved(result.data.name),
      onError: (error) => {
        if (isApiError(error) && error.code === 'stale') discard();
        focusInvalid();
      },
    });
  };

  return (
    <Dialog
      title={isNew ? sv.organisation.newCategory : sv.organisation.editCategory(category.name)}
      onClose={onClose}
      onSubmit={submit}
      busy={save.isPending}
      footer={
        <>
          <Button type="submit" variant="primary" pending={save.isPending} pendingLabel={sv.common.saving}>
            {sv.common.save}
          </Button>
          <Button onClick={onClose} disabled={save.isPending}>
            {sv.common.cancel}
          </Button>
        </>
      }
    >
      <div ref={formRef} className="stack">
        <ErrorBanner error={server.banner} />
        <TextField
          label={sv.organisation.categoryCode}
          name="code"
          value={draft.code}
          onChange={(v) => set('code', v)}
          error={fieldErrors.code}
          disabled={!isNew}
          hint={isNew ? sv.organisation.codeHintLower : undefined}
          autoComplete="off"
        />
        <TextField label={sv.organisation.categoryName} name="name" value={draft.name} onChange={(v) => set('name', v)} error={fieldErrors.name} />
        <TextField
          label={sv.organisation.sortOrder}
          name="sortOrder"
          value={draft.sortOrder}
          onChange={(v) => set('sortOrder', v)}
          error={fieldErrors.sortOrder}
          inputMode="numeric"
          hint={sv.organisation.sortOrderHint}
          className="field--narrow"
        />
        <Checkbox
          label={sv.organisation.isPrioritised}
          name="isPrioritised"
          checked={draft.isPrioritised}
          onChange={(v) => set('isPrioritised', v)}
          hint={sv.organisation.isPrioritisedHint}
        />
        <Checkbox label={sv.organisation.isActive} name="isActive" checked={draft.isActive} onChange={(v) => set('isActive', v)} />
      </div>
    </Dialog>
  );
}

export function CategoriesSection({ organisation, canEdit }: { organisation: Organisation; canEdit: boolean }) {
  const [editing, setEditing] = useState<{ code: string | null } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const categories = [...organisation.categories].sort((a, b) => a.sortOrder - b.sortOrder || a.name.localeCompare(b.name, 'sv'));
  const category = editing?.code ? categories.find((c) => c.code === editing.code) : undefined;
  const nextOrder = categories.reduce((max, c) => Math.max(max, c.sortOrder), 0) + 10;

  return (
    <Section
      title={sv.organisation.categories}
      id="categories"
      actions={
        canEdit ? (
          <Button
            onClick={() => {
              setNotice(null);
              setEditing({ code: null });
            }}
          >
            {sv.organisation.addCategory}
          </Button>
        ) : null
      }
    >
      {notice ? <Banner kind="success">{notice}</Banner> : null}
      <Table caption={sv.organisation.categories} captionHidden>
        <thead>
          <tr>
            <th scope="col">{sv.organisation.sortOrder}</th>
            <th scope="col">{sv.organisation.categoryName}</th>
            <th scope="col">{sv.organisation.categoryCode}</th>
            <th scope="col">{sv.organisation.isPrioritised}</th>
            <th scope="col">{sv.users.status}</th>
            {canEdit ? (
              <th scope="col">
                <span className="visually-hidden">{sv.users.actions}</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {categories.map((c) => (
            <tr key={c.code} className={c.isActive ? undefined : 'row--inactive'}>
              <td className="numeric">{c.sortOrder}</td>
              <th scope="row">{c.name}</th>
              <td>
                <code>{c.code}</code>
              </td>
              <td>{c.isPrioritised ? <Badge tone="warning">{sv.organisation.isPrioritised}</Badge> : sv.common.none}</td>
              <td>{c.isActive ? sv.common.active : sv.common.inactive}</td>
              {canEdit ? (
                <td className="table__actions">
                  <Button
                    size="small"
                    onClick={() => {
                      setNotice(null);
                      setEditing({ code: c.code });
                    }}
                    aria-label={sv.organisation.editCategory(c.name)}
                  >
                    {sv.common.edit}
                  </Button>
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </Table>
      {editing && (editing.code === null || category) ? (
        <CategoryDialog
          category={category ?? { code: '', name: '', sortOrder: nextOrder, isPrioritised: false, isActive: true, version: 0 }}
          isNew={editing.code === null}
          onClose={() => setEditing(null)}
          onSaved={(name) => {
            setEditing(null);
            setNotice(sv.common.savedItem(name));
          }}
        />
      ) : null}
    </Section>
  );
}
