// The transfer role: pretraining, the three-way comparison, and keeping bases (see
// transferJob.ts). The current base and the cancel flag live in the closure, so a test can run
// the real API in-process.
import type { TransferApi } from '../shared/transferProtocol';
import type { Base } from '../transfer/modelFile';
import { exportFiles, importFiles } from '../transfer/modelFile';
import { compareMethods, deleteBase, listBases, loadBase, pretrainBase, saveBase } from './transferJob';
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
      const base = await pretrainBase(source, settings, progress, isCancelled);
      if (base) current = base;
      return base ? base.info : null;
    },

    async transferCompare(target, settings, progress) {
      cancelRequested = false;
      return compareMethods(need(), target, settings, progress, isCancelled);
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

    async transferLoad(name) {
      current = await loadBase(name);
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

    async transferImport(files) {
      current = importFiles(files);
      return current.info;
    },
  };
}
