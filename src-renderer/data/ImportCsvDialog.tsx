/**
 * The "Import data" dialog: choose (or drop) a CSV/TSV file, see what was detected and a
 * preview, choose target, task, features, column types and the missing-value rule, then
 * Import. Reading and importing run in a Web Worker with a progress bar, so the page keeps
 * answering; an engine error ("row 17, column petal_width: 'abc' is not a number.") is shown
 * here and the project stays as it was until an import succeeds.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../src-engine/project';
import type { CsvDelimiter } from '../../src-engine/csv';
import { importErrorText, type ImportErrorLike } from '../i18n/import-error-text';
import { applyImport } from './import-apply';
import { createImportClient, type ImportClient, type ImportRequest } from './import-client';
import { datasetNameOf, formProblem, importOptionsOf, initialForm, type ImportForm, type Inspection } from './import-form';
import { IMPORT_NAMES } from './import-names';
import { DATA_FILE_ACCEPT, onImportRequest, type ImportRequest as OpenRequest } from './import-request';
import { chooseThroughMain, readsThroughMain, sourceFromFile, type DataSource, type SourceResult } from './data-source';
import { ImportOptions } from './ImportOptions';
import { ImportPreview } from './ImportPreview';
import { ModalDialog } from '../app/ModalDialog';
import './import.css';

interface Progress {
  label: string;
  fraction: number;
}

export function ImportCsvDialog() {
  const { t, i18n } = useTranslation();
  const clientRef = useRef<ImportClient | null>(null);
  /** Counts requests; a reply to an older one (or one after closing) is dropped. */
  const seqRef = useRef(0);
  const [open, setOpen] = useState(false);
  const [source, setSource] = useState<Pick<DataSource, 'name' | 'path'> | null>(null);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [busy, setBusy] = useState(false);
  /** The last failure; shown in the UI's language when it has a template key. */
  const [error, setError] = useState<ImportErrorLike | null>(null);
  const [inspection, setInspection] = useState<Inspection | null>(null);
  const [form, setForm] = useState<ImportForm | null>(null);
  const [name, setName] = useState('');
  const desktop = readsThroughMain();
  const inputId = useId();

  const client = (): ImportClient => (clientRef.current ??= createImportClient());

  /** Runs one worker request with the progress bar; null when it failed (shown) or is stale. */
  const run = async (label: string, request: ImportRequest, transfer: Transferable[] = []) => {
    const seq = ++seqRef.current;
    setBusy(true);
    setError(null);
    setProgress({ label, fraction: 0 });
    const reply = await client().request(request, (fraction) => {
      if (seq === seqRef.current) setProgress({ label, fraction });
    }, transfer);
    if (seq !== seqRef.current) return null;
    setBusy(false);
    if (reply.type === 'failed') {
      setError(reply);
      setProgress(null);
      return null;
    }
    setProgress({ label, fraction: 1 });
    return reply;
  };

  const inspect = async (content: DataSource['content'] | undefined, format: { delimiter?: CsvDelimiter; header?: boolean }, fileName: string) => {
    const transfer = content && 'bytes' in content ? [content.bytes] : [];
    const reply = await run(t('importData.reading', { name: fileName }), { type: 'inspect', source: content, format, previewRows: 20 }, transfer);
    if (reply?.type !== 'inspected') return;
    setInspection(reply.inspection);
    setForm((previous) => initialForm(reply.inspection, previous ?? undefined));
  };

  const takeSource = async (picked: SourceResult) => {
    if (!picked.ok) {
      if (!picked.canceled) setError({ error: picked.error });
      return;
    }
    const { source: next } = picked;
    setSource({ name: next.name, path: next.path });
    setInspection(null);
    setForm(null);
    setName(datasetNameOf(next.name));
    await inspect(next.content, {}, next.name);
  };

  const readFile = async (file: File) => {
    setError(null);
    setProgress({ label: t('importData.reading', { name: file.name }), fraction: 0 });
    await takeSource(await sourceFromFile(file));
  };

  const close = () => {
    seqRef.current++;
    clientRef.current?.dispose();
    clientRef.current = null;
    setOpen(false);
    setSource(null);
    setProgress(null);
    setBusy(false);
    setError(null);
    setInspection(null);
    setForm(null);
    setName('');
  };

  const doImport = async () => {
    if (!form || !source || formProblem(form, name)) return;
    const reply = await run(t('importData.importing'), { type: 'import', options: importOptionsOf(form), name: name.trim(), path: source.path });
    if (reply?.type !== 'imported') return;
    if (applyImport(reply)) close();
    else setError({ error: t('importData.failed', { error: 'the worker did not return the file text' }) });
  };

  // Requests from the button, the File menu and drops.
  const readFileRef = useRef(readFile);
  useEffect(() => {
    readFileRef.current = readFile;
  });
  useEffect(
    () =>
      onImportRequest((request: OpenRequest) => {
        setOpen(true);
        if (request.file) void readFileRef.current(request.file);
      }),
    [],
  );

  useEffect(() => () => clientRef.current?.dispose(), []);

  const problem = form ? formProblem(form, name) : null;
  const percent = progress ? Math.round(progress.fraction * 100) : 0;

  return (
    <ModalDialog open={open} onCancel={close} className="dialog dialog-import" aria-label={IMPORT_NAMES.dialog}>
      <h2 className="dialog-title">{t('importData.title')}</h2>
      <p className="dialog-text import-intro">{t('importData.intro')}</p>
      <div className="import-row">
        {desktop ? (
          <button type="button" className="btn" aria-label={IMPORT_NAMES.chooseFile} disabled={busy} onClick={() => void chooseThroughMain().then(takeSource)}>
            {t('importData.chooseFile')}
          </button>
        ) : (
          <>
            {/* The native input is visually hidden (it would say "No file chosen" after each read); its label is the button. */}
            <input
              id={inputId}
              className="import-file-input"
              type="file"
              aria-label={IMPORT_NAMES.fileInput}
              accept={DATA_FILE_ACCEPT}
              disabled={busy}
              onChange={(e) => {
                const file = e.target.files?.[0];
                e.target.value = ''; // the same file may be chosen again after an edit
                if (file) void readFile(file);
              }}
            />
            <label htmlFor={inputId} className={`btn${busy ? ' is-disabled' : ''}`}>
              {t('importData.chooseFile')}
            </label>
          </>
        )}
        <span className="import-file-name" data-testid="import-file-name">
          {source ? source.name : t('importData.noFile')}
        </span>
      </div>
      {progress && (
        <div className="import-progress">
          <span>{progress.label}</span>
          <progress aria-label={IMPORT_NAMES.progress} max={100} value={percent} data-fraction={progress.fraction} />
          <span>{t('importData.percent', { percent })}</span>
        </div>
      )}
      {error && (
        <p className="import-error" role="alert">
          {importErrorText(error, i18n.language)}
        </p>
      )}
      {source && (
        <label className="import-field import-name">
          <span>{t('importData.name')}</span>
          <input type="text" aria-label={IMPORT_NAMES.name} value={name} maxLength={LIMITS.maxNameLength} onChange={(e) => setName(e.target.value)} />
        </label>
      )}
      {inspection && form && (
        <div className="dialog-scroll import-body">
          <ImportPreview inspection={inspection} target={form.target} />
          <ImportOptions
            inspection={inspection}
            form={form}
            disabled={busy}
            onChange={setForm}
            onFormat={(format) => void inspect(undefined, format, source?.name ?? '')}
          />
        </div>
      )}
      {problem && <p className="field-hint">{t(problem === 'no-features' ? 'importData.noFeatures' : 'importData.noName')}</p>}
      <div className="dialog-actions">
        <button type="button" className="btn" aria-label={IMPORT_NAMES.cancel} onClick={close}>
          {t('importData.cancel')}
        </button>
        <button type="button" className="btn btn-primary" aria-label={IMPORT_NAMES.import} disabled={busy || !form || problem !== null} onClick={() => void doImport()}>
          {t('importData.import')}
        </button>
      </div>
    </ModalDialog>
  );
}
