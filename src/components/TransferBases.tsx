// Keeping pretrained bases: save the current one in this browser (IndexedDB), download it as a
// tfjs model (.json + .weights.bin), upload such a pair, and load or delete saved ones. A base of
// the other kind than the chosen tasks' (images or rows of numbers) is refused with the reason.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { baseSourceLabel } from '../transfer/labels';
import { deleteBase, downloadBase, loadBase, refreshSaved, saveBase, uploadBase } from '../client/transferClient';
import { useStore, type Store } from '../store/store';
import { formatPercent } from '../shared/format';

const selectTransfer = (s: Store) => s.transfer;
const ignore = () => {};

export function TransferBases() {
  const { t: tr } = useTranslation('transfer');
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
          {tr('save')}
        </button>
        <button type="button" disabled={!idle || !t.base} onClick={() => downloadBase().catch(ignore)} data-testid="transfer-download">
          {tr('download')}
        </button>
        <button type="button" disabled={!idle} onClick={show} data-testid="transfer-list">
          {listed ? tr('refresh') : tr('show')}
        </button>
      </div>
      <label className="field transfer-upload" htmlFor={uploadId}>
        <span className="field-label">{tr('upload')}</span>
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
        <ul className="transfer-saved" data-testid="transfer-saved" aria-label={tr('savedLabel')}>
          {t.saved.length === 0 && <li className="hint">{tr('noneSaved')}</li>}
          {t.saved.map((b) => (
            <li key={b.name} data-name={b.name} aria-current={t.base?.name === b.name ? 'true' : undefined}>
              <span>
                <strong>{baseSourceLabel(b)}</strong>
                {b.image
                  ? tr('savedImage', { stack: b.image.stack, seed: b.seed, acc: formatPercent(b.sourceValAcc) })
                  : tr('savedItem', { layers: b.layers.join(' × '), activation: b.activations[0], seed: b.seed, acc: formatPercent(b.sourceValAcc) })}
                <span className="hint"> ({b.createdAt.slice(0, 19).replace('T', ' ')})</span>
              </span>
              <button type="button" className="link" disabled={!idle} onClick={() => loadBase(b.name).catch(ignore)} aria-label={tr('loadLabel', { name: b.name })}>
                {tr('load')}
              </button>
              <button type="button" className="link" disabled={!idle} onClick={() => deleteBase(b.name).catch(ignore)} aria-label={tr('deleteLabel', { name: b.name })}>
                {tr('delete')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
