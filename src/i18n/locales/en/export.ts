// The Export menu (ExportMenu.tsx) and the refusals of src/client/exportRun.ts. The files it
// writes (JSON, CSV, scripts) stay as they are.
const exportNs = {
  button: 'Export',
  titleCurrent: 'Save the current run: config, metrics, pictures, model, PyTorch script',
  titleKept: 'Save kept run {{id}}: config, metrics, PyTorch script',
  menuLabel: 'Export run {{id}}',
  items: {
    json: 'Config (JSON)',
    link: 'Config link (copy)',
    csv: 'Metrics (CSV)',
    'chart-png': 'Loss chart (PNG)',
    'chart-svg': 'Loss chart (SVG)',
    'boundary-png': 'Decision boundary (PNG)',
    'boundary-svg': 'Decision boundary (SVG)',
    tfjs: 'Model (tfjs .json + .weights.bin)',
    pytorch: 'PyTorch script (.py)',
  },
  copied: "Copied the link to run {{id}}'s config.",
  noClipboard: "The clipboard is not available; run {{id}}'s link: {{link}}",
  failed: 'Export failed: {{error}}',
  // src/client/exportRun.ts
  weightsByHand: 'weights set by hand',
  settingsChanged: 'settings changed',
  liveEdits: 'run {{id}} had {{what}} while it trained (from epoch {{epoch}}): a script replays one config from the start; use "Start fresh with this setting" and export that run',
  images: 'run {{id}} trains an image model, and the {{what}} describes the dense networks of the 2-D and table sets only; export its config (json, link), metrics (csv) or loss chart instead',
  batchnorm:
    'run {{id}} uses batch norm, which the PyTorch script does not replay exactly (its training-mode statistics, running averages and the cancelled dense bias); export the model files (tfjs), which include batch norm, or turn batch norm off and export that run',
  keptRun: 'run {{id}} is a kept run: only its config (json, link), metrics (csv) and a PyTorch script (pytorch) can be exported; {{what}} exists only for the current run ({{current}})',
  noRun: 'no run {{id}}: the runs are {{ids}} (the current one is {{current}})',
  noChart: 'the loss chart is not on screen, so it cannot be exported',
  noBoundary: 'there is no decision boundary on screen (this table has no plane to draw)',
  searchRunning: 'the search is still running: export it when it has finished',
  noSearch: 'no search has run yet',
  searchImages: 'the PyTorch + Optuna script models the 2-D and table sets’ dense networks, not image models: it cannot export a search on the digits',
  searchBatchnorm: 'batch norm is on, which the PyTorch + Optuna script does not model; turn batch norm off to export the search script',
} as const;
export default exportNs;
