// Transfer learning runs in a worker of its own (pretraining, the three-way comparison, keeping
// bases in IndexedDB, model files), so the main run and the page carry on. Results go to the
// store's transfer slice; downloads and uploads happen here, since files live with the page.
import * as Comlink from 'comlink';
import type { BackendKey } from '../shared/config';
import { baseKind, type BaseInfo, type BaseKind, type ModelFiles, type TransferApi } from '../shared/transferProtocol';
import { t } from '../i18n/i18n';
import { baseSourceLabel, incompatibilityText } from '../transfer/labels';
import { findTask, isImageTask, TRANSFER_TASKS } from '../transfer/tasks';
import { useStore } from '../store/store';
import type { TransferState } from '../store/transferSlice';
import { errorText } from '../shared/errorText';
import { WorkerBridge } from './workerBridge';
import { startWorker } from './workers';
import { formatFixed, formatPercent } from '../shared/format';

/** Largest files an upload may have (a base of 6 × 256 units is about 1.3 MB of weights). */
const MAX_JSON_BYTES = 5_000_000;
const MAX_WEIGHTS_BYTES = 50_000_000;

/**
 * The worker, started on first use with the config's backend. 'auto' becomes cpu for points and
 * tables: these models are small and their batches tiny, where the cpu backend is the fastest,
 * and it is exact from run to run; for the image tasks it becomes wasm, many times faster than
 * cpu on convolutions. It is not ended when idle: it holds the current base, which only lives
 * there (a base of the other kind could not be used with the chosen tasks anyway).
 */
const bridge = new WorkerBridge<TransferApi>({
  role: 'transfer',
  start: () => startWorker('transfer'),
  key: () => {
    const configured = useStore.getState().config.backend;
    if (configured !== 'auto') return configured;
    return isImageTask(get().source) ? 'wasm' : 'cpu';
  },
  init: async (api, backend) => {
    await api.init(backend as BackendKey);
    // A base held by an earlier worker (another backend, or one that stopped) is gone with it;
    // a saved one can be loaded again.
    if (get().base) set({ base: null, message: { kind: 'info', text: t('transfer:msg.restarted') } });
  },
});

/** Aborts the pretraining or comparison under way (Cancel). */
let abort: AbortController | null = null;

const set = (patch: Partial<TransferState>) => useStore.getState().setTransfer(patch);
/** A loaded base's source becomes the chosen one, when this version knows that task. */
const sourceOf = (info: BaseInfo) => (TRANSFER_TASKS.some((k) => k.key === info.source && k.role === 'source') ? info.source : get().source);
const get = () => useStore.getState().transfer;

/** The kind of base the chosen tasks need. */
function tasksKind(): BaseKind {
  return isImageTask(get().source) ? 'image' : 'points';
}

/** Why a base of `kind` cannot be loaded for the chosen tasks, in the page's language; null when it fits. */
export function kindRefusal(name: string, kind: BaseKind): string | null {
  const want = tasksKind();
  if (kind === want) return null;
  return want === 'points' ? t('transfer:msg.imageBaseForPoints', { name }) : t('transfer:msg.pointsBaseForImages', { name });
}

/** The base's kind and name from an uploaded model.json, read on the page; null when it has no description (the worker then says what is wrong). */
function describedKind(modelJson: string): { kind: BaseKind; name: string } | null {
  try {
    const info = (JSON.parse(modelJson) as { userDefinedMetadata?: { transferBase?: BaseInfo } }).userDefinedMetadata?.transferBase;
    return info && typeof info === 'object' ? { kind: baseKind(info), name: String(info.name) } : null;
  } catch {
    return null;
  }
}

function failed(e: unknown): void {
  set({ status: 'idle', message: { kind: 'error', text: errorText(e) } });
}

/** Whether nothing is running (pretraining, comparing or a storage action). */
function idle(): boolean {
  return get().status === 'idle';
}

export async function pretrain(): Promise<void> {
  if (!idle()) return;
  const { source, settings } = get();
  set({ status: 'pretraining', task: 'pretrain', progress: 0, pretrainNote: '', message: null });
  const controller = (abort = new AbortController());
  try {
    const info = await bridge.call(
      (api) =>
        api.transferPretrain(
          source,
          settings,
          bridge.proxy((p) => {
            const note = { epoch: p.epoch, epochs: p.epochs, loss: formatFixed(p.valLoss, 3) };
            set({ progress: p.fraction ?? p.epoch / p.epochs, pretrainNote: p.valAcc === null ? t('transfer:msg.note', note) : t('transfer:msg.noteAcc', { ...note, acc: formatPercent(p.valAcc) }) });
          }),
        ),
      // Cancel stops between epochs; the call then resolves to null.
      { signal: controller.signal, cancel: (api) => api.transferCancel() },
    );
    if (info) set({ status: 'idle', base: info, progress: 1, message: { kind: 'info', text: t('transfer:msg.pretrained', { source: baseSourceLabel(info), acc: formatPercent(info.sourceValAcc) }) } });
    else set({ status: 'idle', message: { kind: 'info', text: t('transfer:msg.pretrainCancelled') } });
  } catch (e) {
    // Cancel before the worker had begun (it was still starting): the call never ran, so it is cancelled too.
    if (controller.signal.aborted) set({ status: 'idle', message: { kind: 'info', text: t('transfer:msg.pretrainCancelled') } });
    else failed(e);
  } finally {
    if (abort === controller) abort = null;
  }
}

export async function compare(): Promise<void> {
  if (!idle()) return;
  const { base, target, settings } = get();
  if (!base) {
    set({ message: { kind: 'error', text: t('transfer:msg.needBase') } });
    return;
  }
  const bad = incompatibilityText({ label: base.sourceLabel, domain: base.domain, inputNames: base.inputNames, kind: base.image ? 'image' : undefined }, findTask(target));
  if (bad) {
    set({ message: { kind: 'error', text: bad } });
    return;
  }
  set({ status: 'comparing', task: 'compare', progress: 0, live: {}, result: null, message: null });
  const controller = (abort = new AbortController());
  try {
    const result = await bridge.call(
      (api) => api.transferCompare(target, settings, bridge.proxy((p) => set({ progress: p.done / p.total, live: p.curves }))),
      { signal: controller.signal, cancel: (api) => api.transferCancel() },
    );
    if (result) set({ status: 'idle', result, live: {}, progress: 1 });
    else set({ status: 'idle', message: { kind: 'info', text: t('transfer:msg.compareCancelled') } });
  } catch (e) {
    if (controller.signal.aborted) set({ status: 'idle', message: { kind: 'info', text: t('transfer:msg.compareCancelled') } });
    else failed(e);
  } finally {
    if (abort === controller) abort = null;
  }
}

export async function cancel(): Promise<void> {
  const s = get().status;
  if ((s !== 'pretraining' && s !== 'comparing') || !abort) return;
  set({ status: 'cancelling' });
  abort.abort();
}

/** Runs a quick storage action with the panel marked busy; errors go to the panel's message. */
async function storage<T>(action: (remote: Comlink.Remote<TransferApi>) => Promise<T>): Promise<T | undefined> {
  if (!idle()) return undefined;
  set({ status: 'busy', message: null });
  try {
    const out = await bridge.call(action);
    set({ status: 'idle' });
    return out;
  } catch (e) {
    failed(e);
    return undefined;
  }
}

export async function refreshSaved(): Promise<void> {
  const saved = await storage((r) => r.transferList());
  if (saved) set({ saved });
}

export async function saveBase(): Promise<void> {
  const info = await storage(async (r) => {
    const saved = await r.transferSave();
    set({ saved: await r.transferList() });
    return saved;
  });
  if (info) set({ message: { kind: 'info', text: t('transfer:msg.saved', { name: info.name }) } });
}

export async function loadBase(name: string): Promise<void> {
  const listed = get().saved.find((b) => b.name === name);
  const refusal = listed && kindRefusal(name, baseKind(listed));
  if (refusal) {
    set({ message: { kind: 'error', text: refusal } });
    return;
  }
  const kind = tasksKind();
  const info = await storage((r) => r.transferLoad(name, kind));
  if (info) set({ base: info, source: sourceOf(info), message: { kind: 'info', text: t('transfer:msg.loaded', { name: info.name }) } });
}

export async function deleteBase(name: string): Promise<void> {
  const saved = await storage(async (r) => {
    await r.transferDelete(name);
    return r.transferList();
  });
  if (saved) set({ saved, message: { kind: 'info', text: t('transfer:msg.deleted', { name }) } });
}

function downloadBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Give the browser a moment to start the download before the URL goes.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Downloads the current base as `<stem>.json` and `<stem>.weights.bin`. */
export async function downloadBase(): Promise<void> {
  const files = await storage((r) => r.transferExport());
  if (!files) return;
  downloadBlob(new Blob([files.modelJson], { type: 'application/json' }), files.jsonName ?? 'model.json');
  downloadBlob(new Blob([files.weights], { type: 'application/octet-stream' }), files.weightsName ?? 'weights.bin');
  set({ message: { kind: 'info', text: t('transfer:msg.downloaded', { json: files.jsonName ?? '', weights: files.weightsName ?? '' }) } });
}

/** Checks the chosen files on the page: one .json and one .bin, of sane sizes. */
export async function readModelFiles(files: readonly File[]): Promise<ModelFiles> {
  const json = files.filter((f) => f.name.toLowerCase().endsWith('.json'));
  const bin = files.filter((f) => f.name.toLowerCase().endsWith('.bin'));
  if (files.length !== 2 || json.length !== 1 || bin.length !== 1) {
    throw new Error(t('transfer:msg.twoFiles', { names: files.map((f) => f.name).join(', ') || t('transfer:msg.noFiles') }));
  }
  if (json[0].size > MAX_JSON_BYTES) throw new Error(t('transfer:msg.jsonTooBig', { name: json[0].name, size: json[0].size, max: MAX_JSON_BYTES }));
  if (bin[0].size > MAX_WEIGHTS_BYTES) throw new Error(t('transfer:msg.weightsTooBig', { name: bin[0].name, size: bin[0].size, max: MAX_WEIGHTS_BYTES }));
  return { modelJson: await json[0].text(), weights: await bin[0].arrayBuffer(), jsonName: json[0].name, weightsName: bin[0].name };
}

/** Reads an uploaded model.json + weights.bin pair; it becomes the current base. */
export async function uploadBase(files: readonly File[]): Promise<void> {
  let pair: ModelFiles;
  try {
    pair = await readModelFiles(files);
  } catch (e) {
    set({ message: { kind: 'error', text: errorText(e) } });
    return;
  }
  const described = describedKind(pair.modelJson);
  const refusal = described && kindRefusal(described.name, described.kind);
  if (refusal) {
    set({ message: { kind: 'error', text: refusal } });
    return;
  }
  const kind = tasksKind();
  const info: BaseInfo | undefined = await storage((r) => r.transferImport(Comlink.transfer(pair, [pair.weights]), kind));
  if (info) set({ base: info, source: sourceOf(info), message: { kind: 'info', text: t('transfer:msg.uploaded', { name: info.name, source: baseSourceLabel(info) }) } });
}
