// Keeping pretrained bases: save the current one in this browser (IndexedDB), download it as a
// tfjs model (.json + .weights.bin), upload such a pair, and load or delete saved ones.
import { useId, useState } from 'react';
import { deleteBase, downloadBase, loadBase, refreshSaved, saveBase, uploadBase } from '../client/transferClient';
import { useStore, type Store } from '../store/store';
import { formatPercent } from '../shared/format';

const selectTransfer = (s: Store) => s.transfer;
const ignore = () => {};

export function TransferBases() {
  const t = useStore(selectTransfer);
  const uploadId = useId();
  const [listed, setListed] = useState(false);
  const idle = t.status === 'idle';
  const show = () => {
    setListed(true);
    refreshSaved().catch(ignore);
  };
  return (
    <div className="transfer-bases">
      <div className="row transfer-buttons">
        <button type="button" disabled={!idle || !t.base} onClick={() => saveBase().then(() => setListed(true), ignore)} data-testid="transfer-save">
          Save base in this browser
        </button>
        <button type="button" disabled={!idle || !t.base} onClick={() => downloadBase().catch(ignore)} data-testid="transfer-download">
          Download base
        </button>
        <button type="button" disabled={!idle} onClick={show} data-testid="transfer-list">
          {listed ? 'Refresh saved bases' : 'Show saved bases'}
        </button>
      </div>
      <label className="field transfer-upload" htmlFor={uploadId}>
        <span className="field-label">Upload a base: choose its .json and .weights.bin files together</span>
        <input
          id={uploadId}
          type="file"
          multiple
          accept=".json,.bin,application/json,application/octet-stream"
          disabled={!idle}
          data-testid="transfer-upload"
          onChange={(e) => {
            const files = [...(e.target.files ?? [])];
            e.target.value = '';
            if (files.length) uploadBase(files).catch(ignore);
          }}
        />
      </label>
      {listed && (
        <ul className="transfer-saved" data-testid="transfer-saved" aria-label="Saved bases">
          {t.saved.length === 0 && <li className="hint">No base saved in this browser yet.</li>}
          {t.saved.map((b) => (
            <li key={b.name} data-name={b.name} aria-current={t.base?.name === b.name ? 'true' : undefined}>
              <span>
                <strong>{b.sourceLabel}</strong>, {b.layers.join(' × ')} {b.activations[0]}, seed {b.seed}: {formatPercent(b.sourceValAcc)} on the source
                <span className="hint"> ({b.createdAt.slice(0, 19).replace('T', ' ')})</span>
              </span>
              <button type="button" className="link" disabled={!idle} onClick={() => loadBase(b.name).catch(ignore)} aria-label={`Load base ${b.name}`}>
                Load
              </button>
              <button type="button" className="link" disabled={!idle} onClick={() => deleteBase(b.name).catch(ignore)} aria-label={`Delete base ${b.name}`}>
                Delete
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
