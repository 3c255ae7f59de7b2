// /import: the unit manager reads in a case history or population file.
// Choose the file, check it (every error by line and column, nothing saved),
// then confirm the import; a progress bar follows the upload and each pass the
// server makes over the file. All or nothing, and a case imported before is skipped.
import { useRef, useState } from 'react';
import { Banner, ErrorBanner } from '../components/ui/banner.tsx';
import { Button } from '../components/ui/button.tsx';
import { RadioGroup } from '../components/ui/field.tsx';
import { PageHeader, Section } from '../components/ui/page.tsx';
import { Table } from '../components/ui/table.tsx';
import { uploadImport, type ImportKind, type ImportResult, type UploadProgress } from '../features/statistics/api.ts';
import { svStatistics } from '../features/statistics/sv.ts';
import { isApiError } from '../lib/api.ts';

const t = svStatistics.imports;

function ProgressBar({ progress }: { progress: UploadProgress }) {
  const percent = Math.round(progress.fraction * 100);
  const phase = t.phases[progress.phase] ?? progress.phase;
  return (
    <div className="import-progress">
      <label className="import-progress__label" htmlFor="import-progress">
        {t.progress(phase, percent)}
        {progress.rows > 0 ? ` · ${t.rowsSoFar(progress.rows)}` : ''}
      </label>
      <progress id="import-progress" max={100} value={percent} aria-valuetext={t.progress(phase, percent)}>
        {percent} %
      </progress>
    </div>
  );
}

function ErrorsTable({ result }: { result: ImportResult }) {
  return (
    <>
      <Table caption={t.errorsCaption}>
        <thead>
          <tr>
            <th scope="col" className="table__number">
              {t.line}
            </th>
            <th scope="col">{t.column}</th>
            <th scope="col">{t.value}</th>
            <th scope="col">{t.why}</th>
          </tr>
        </thead>
        <tbody>
          {result.errors.map((e, i) => (
            <tr key={`${e.line}-${e.column ?? ''}-${i}`}>
              <td className="table__number">{e.line}</td>
              <td>{e.column ?? t.wholeRow}</td>
              <td>
                <code>{e.value}</code>
              </td>
              <td>{e.message}</td>
            </tr>
          ))}
        </tbody>
      </Table>
      {result.errors.length < result.errorCount ? <p className="field__hint">{t.moreErrors(result.errors.length, result.errorCount)}</p> : null}
    </>
  );
}

function Summary({ result, kind }: { result: ImportResult; kind: ImportKind }) {
  return (
    <dl className="import-summary">
      <div>
        <dt>{t.rows}</dt>
        <dd>{result.rows.toLocaleString('sv-SE')}</dd>
      </div>
      <div>
        <dt>{t.wouldImport}</dt>
        <dd>{result.imported.toLocaleString('sv-SE')}</dd>
      </div>
      {kind === 'cases' ? (
        <div>
          <dt>{t.wouldSkip}</dt>
          <dd>{result.skipped.toLocaleString('sv-SE')}</dd>
        </div>
      ) : (
        <div>
          <dt>{t.wouldReplace}</dt>
          <dd>{result.replaced.toLocaleString('sv-SE')}</dd>
        </div>
      )}
    </dl>
  );
}

type Stage =
  | { step: 'choose' }
  | { step: 'checking'; progress: UploadProgress }
  | { step: 'checked'; result: ImportResult }
  | { step: 'importing'; progress: UploadProgress; preview: ImportResult }
  | { step: 'done'; result: ImportResult }
  | { step: 'failed'; error: unknown; result: ImportResult | null };

export function ImportPage() {
  const [kind, setKind] = useState<ImportKind>('cases');
  const [file, setFile] = useState<File | null>(null);
  const [stage, setStage] = useState<Stage>({ step: 'choose' });
  const [missingFile, setMissingFile] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const busy = stage.step === 'checking' || stage.step === 'importing';

  const reset = () => {
    setStage({ step: 'choose' });
    setFile(null);
    if (input.current) input.current.value = '';
  };

  const check = async () => {
    if (!file) {
      setMissingFile(true);
      input.current?.focus();
      return;
    }
    setMissingFile(false);
    setStage({ step: 'checking', progress: { phase: 'upload', fraction: 0, rows: 0 } });
    try {
      const result = await uploadImport(kind, file, true, (progress) => setStage({ step: 'checking', progress }));
      setStage({ step: 'checked', result });
    } catch (error) {
      setStage({ step: 'failed', error, result: null });
    }
  };

  const confirm = async (preview: ImportResult) => {
    if (!file) return;
    setStage({ step: 'importing', progress: { phase: 'upload', fraction: 0, rows: 0 }, preview });
    try {
      const result = await uploadImport(kind, file, false, (progress) => setStage({ step: 'importing', progress, preview }));
      setStage({ step: 'done', result });
    } catch (error) {
      const details = isApiError(error) ? error.details : undefined;
      setStage({ step: 'failed', error, result: details && Array.isArray(details.errors) ? (details as unknown as ImportResult) : null });
    }
  };

  return (
    <>
      <PageHeader title={t.title} lead={t.lead} />
      <div className="stack stack--large">
        <Section title={t.section}>
          <form
            className="stack"
            onSubmit={(e) => {
              e.preventDefault();
              void check();
            }}
          >
            <RadioGroup<ImportKind>
              legend={t.kind}
              name="kind"
              value={kind}
              disabled={busy}
              onChange={(v) => {
                setKind(v);
                setStage({ step: 'choose' });
              }}
              options={[
                { value: 'cases', label: t.kinds.cases, hint: t.kindHints.cases },
                { value: 'population', label: t.kinds.population, hint: t.kindHints.population },
              ]}
            />
            <div className={['field', missingFile ? 'field--invalid' : ''].filter(Boolean).join(' ')}>
              <label className="field__label" htmlFor="import-file">
                {t.file}
              </label>
              <p className="field__hint" id="import-file-hint">
                {t.fileHint}
              </p>
              <input
                ref={input}
                id="import-file"
                className="input"
                type="file"
                accept=".csv,text/csv"
                disabled={busy}
                aria-describedby={missingFile ? 'import-file-hint import-file-error' : 'import-file-hint'}
                aria-invalid={missingFile || undefined}
                onChange={(e) => {
                  setFile(e.target.files?.[0] ?? null);
                  setMissingFile(false);
                  setStage({ step: 'choose' });
                }}
              />
              {missingFile ? (
                <p className="field__error" id="import-file-error">
                  {t.chooseFile}
                </p>
              ) : null}
            </div>
            <div className="button-row">
              <Button type="submit" variant={stage.step === 'checked' ? 'secondary' : 'primary'} pending={stage.step === 'checking'} pendingLabel={t.phases.check}>
                {t.check}
              </Button>
            </div>
          </form>
        </Section>

        {stage.step === 'checking' || stage.step === 'importing' ? <ProgressBar progress={stage.progress} /> : null}

        {stage.step === 'checked' ? (
          <Section title={stage.result.ok ? t.previewOk : t.errorsTitle}>
            <div className="stack">
              {stage.result.ok ? <Banner kind="success">{t.previewOk}</Banner> : <Banner kind="error">{t.previewBad(stage.result.errorCount)}</Banner>}
              <Summary result={stage.result} kind={kind} />
              {stage.result.ok ? (
                <>
                  <p className="field__hint">{t.confirmHint}</p>
                  <div className="button-row">
                    <Button variant="primary" onClick={() => void confirm(stage.result)}>
                      {t.confirm}
                    </Button>
                    <Button variant="quiet" onClick={reset}>
                      {t.cancel}
                    </Button>
                  </div>
                </>
              ) : (
                <ErrorsTable result={stage.result} />
              )}
            </div>
          </Section>
        ) : null}

        {stage.step === 'done' ? (
          <Banner kind="success" title={t.done(stage.result.imported, stage.result.skipped, stage.result.replaced)}>
            <Button size="small" onClick={reset}>
              {t.cancel}
            </Button>
          </Banner>
        ) : null}

        {stage.step === 'failed' ? (
          <div className="stack">
            <ErrorBanner error={stage.error} />
            {stage.result ? <ErrorsTable result={stage.result} /> : null}
          </div>
        ) : null}
      </div>
    </>
  );
}
