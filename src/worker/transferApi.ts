// The transfer role: pretraining, the three-way comparison, and keeping bases (see
// transferJob.ts). The current base and the cancel flag live in the closure, so a test can run
// the real API in-process.
import { baseKind, type BaseKind, type BaseInfo, type TransferApi } from '../shared/transferProtocol';
import type { Base } from '../transfer/modelFile';
import { exportFiles, importFiles } from '../transfer/modelFile';
import { findTask } from '../transfer/tasks';
import { compareImageMethods, pretrainImageBase } from './imageTransferJob';
import { compareMethods, deleteBase, listBases, loadBase, pretrainBase, saveBase } from './transferJob';

/**
 * Refuses a base of the other kind than the chosen tasks' (an image base for points or tables,
 * or one of those for images), with the reason, before it becomes the current base.
 */
export function checkKind(info: BaseInfo, kind: BaseKind | undefined): void {
  if (kind === undefined || baseKind(info) === kind) return;
  throw new Error(
    kind === 'points'
      ? `“${info.name}” is an image base (a CNN pretrained on ${info.sourceLabel}); the chosen tasks are 2-D points or table rows, which it cannot read. Choose the image tasks (digits) first, then load it.`
      : `“${info.name}” is a base for rows of ${info.inputNames.length} numbers (${info.inputNames.join(', ')}); the chosen tasks are 28 × 28 images, which it cannot read. Choose its kind of tasks first, then load it.`,
  );
}
import { tfWorkerBase } from './tfWorkerBase';

export function createTransferApi(): TransferApi {
  let current: Base | null = null;
  let cancelRequested = false;
  const isCancelled = () => cancelRequested;
  const need = (): Base => {
    if (!current) throw new Error('There is no base yet: pretrain one, or load or upload a saved one.');
    return current;
  };
  return {
    ...tfWorkerBase(),

    async transferPretrain(source, settings, progress) {
      cancelRequested = false;
      const pretrain = findTask(source).kind === 'image' ? pretrainImageBase : pretrainBase;
      const base = await pretrain(source, settings, progress, isCancelled);
      if (base) current = base;
      return base ? base.info : null;
    },

    async transferCompare(target, settings, progress) {
      cancelRequested = false;
      const compare = findTask(target).kind === 'image' ? compareImageMethods : compareMethods;
      return compare(need(), target, settings, progress, isCancelled);
    },

    async transferCancel() {
      cancelRequested = true;
    },

    async transferCurrent() {
      return current?.info ?? null;
    },

    async transferSave() {
      const base = need();
      await saveBase(base);
      return base.info;
    },

    async transferLoad(name, kind) {
      const base = await loadBase(name);
      checkKind(base.info, kind);
      current = base;
      return current.info;
    },

    async transferList() {
      return listBases();
    },

    async transferDelete(name) {
      await deleteBase(name);
    },

    async transferExport() {
      return exportFiles(need());
    },

    async transferImport(files, kind) {
      const base = importFiles(files);
      checkKind(base.info, kind);
      current = base;
      return current.info;
    },
  };
}
