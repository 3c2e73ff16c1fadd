// What a run can be exported as, without the builders: the Export menu lists these, and loads
// the builders (src/client/exportRun.ts, with the SVG, PNG and model code) only when one is picked,
// keeping them out of the page's first bundle.
export const EXPORT_FORMATS = ['json', 'link', 'csv', 'png', 'svg', 'tfjs', 'pytorch'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
/** Which picture `png` and `svg` export. */
export type ExportImage = 'boundary' | 'chart';

/** Formats a kept (not current) run can give. */
export const KEPT_FORMATS: readonly ExportFormat[] = ['json', 'link', 'csv', 'pytorch'];
