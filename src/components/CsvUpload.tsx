// Opening a local CSV file: parsed in a worker, previewed, then the person picks the column to
// predict and the problem type. A bad file is refused with a message; the current data stay.
import { useId, useState } from 'react';
import { readCsvFile, reportLoadFailure, trainOnTable } from '../client/dataLoading';
import type { Problem } from '../shared/datasets';
import type { Table } from '../shared/table';
import { SelectField } from './SelectField';
import { useTranslation } from 'react-i18next';
import { problemLabel } from '../shared/labels';

interface Parsed {
  table: Table;
  preview: string[][];
}

/** A sensible first guess: categories and small whole-number sets are classes, other numbers regression. */
function guessProblem(table: Table, target: string): Problem {
  const col = table.columns.find((c) => c.name === target);
  if (!col || col.kind === 'categorical') return 'classification';
  const distinct = new Set<number>();
  for (const v of col.values) if (!Number.isNaN(v)) distinct.add(v);
  return distinct.size <= 10 && [...distinct].every(Number.isInteger) ? 'classification' : 'regression';
}

export function CsvUpload() {
  const inputId = useId();
  const [busy, setBusy] = useState<string | null>(null);
  const [parsed, setParsed] = useState<Parsed | null>(null);
  const [target, setTarget] = useState('');
  const [problem, setProblem] = useState<Problem>('classification');
  const { t } = useTranslation('data');

  const open = async (file: File | undefined) => {
    if (!file) return;
    setBusy(t('csv.reading', { name: file.name }));
    try {
      // Checks the size, reads and parses; a refusal is said in the alert region as it is thrown.
      const table = await readCsvFile(file);
      const preview = previewOf(table);
      // The parser refuses a file without a usable column, so there is a last one.
      const last = table.columns[table.columns.length - 1].name;
      setParsed({ table, preview });
      setTarget(last);
      setProblem(guessProblem(table, last));
    } catch (e) {
      // Keep what was loaded before; say why unless it has been said.
      reportLoadFailure(e);
    } finally {
      setBusy(null);
    }
  };

  const use = async () => {
    if (!parsed) return;
    setBusy(t('csv.loading'));
    try {
      await trainOnTable(parsed.table, target, problem);
      setParsed(null);
    } catch (e) {
      // The preview stays so another target can be picked; the reason goes to the alert region once.
      reportLoadFailure(e);
    } finally {
      setBusy(null);
    }
  };

  return (
    <div className="csv-upload">
      <label htmlFor={inputId} className="field-label">
        {t('csv.label')}
      </label>
      <input
        id={inputId}
        type="file"
        accept=".csv,.tsv,.txt,text/csv,text/plain"
        data-testid="csv-file"
        onChange={(e) => {
          void open(e.target.files?.[0]);
          e.target.value = '';
        }}
      />
      {busy && (
        <p className="hint" role="status">
          <progress aria-label={t('csv.readingLabel')} /> {busy}
        </p>
      )}
      {parsed && (
        <div data-testid="csv-preview">
          <p className="hint">
            {t('csv.summary', { name: parsed.table.name, rows: parsed.table.rows, columns: parsed.table.columns.length })}
          </p>
          <div className="csv-preview">
            <table>
              <thead>
                <tr>
                  {parsed.preview[0].map((h, i) => (
                    <th key={i} scope="col">
                      {h}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {parsed.preview.slice(1).map((r, i) => (
                  <tr key={i}>
                    {r.map((v, j) => (
                      <td key={j}>{v}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {parsed.table.notes.map((n) => (
            <p className="hint" key={n}>
              {n}
            </p>
          ))}
          <div className="row">
            <SelectField
              label={t('csv.target')}
              value={target}
              options={parsed.table.columns.map((c) => c.name)}
              onChange={(t) => {
                setTarget(t);
                setProblem(guessProblem(parsed.table, t));
              }}
              testId="csv-target"
            />
            <SelectField<Problem>
              label={t('problem')}
              value={problem}
              options={['classification', 'regression']}
              labels={{ classification: problemLabel('classification'), regression: problemLabel('regression') }}
              onChange={setProblem}
              testId="csv-problem"
            />
          </div>
          <div className="row">
            <button type="button" className="primary" disabled={busy !== null} onClick={() => void use()} data-testid="csv-use">
              {t('csv.use')}
            </button>
            <button type="button" onClick={() => setParsed(null)}>
              {t('csv.cancel')}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}

/** Header and the first rows as text, from the parsed columns. */
function previewOf(table: Table): string[][] {
  const rows = Math.min(table.rows, 8);
  const out = [table.columns.map((c) => c.name)];
  for (let i = 0; i < rows; i++) {
    out.push(
      table.columns.map((c) => {
        if (c.kind === 'numeric') return Number.isNaN(c.values[i]) ? '—' : String(c.values[i]);
        return c.codes[i] < 0 ? '—' : c.levels[c.codes[i]];
      }),
    );
  }
  return out;
}
