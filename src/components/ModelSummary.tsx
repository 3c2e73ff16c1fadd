// The image model's summary: each layer's output shape and parameter count, the total, or the
// first layer that does not fit with the reason (the stack is then refused: the model keeps its
// last good stack and no run starts with this one).
import { useTranslation } from 'react-i18next';
import { checkStack, formatLayer, IMAGE_INPUT } from '../shared/imageStack';
import { shapeText } from './stackEdits';

export function ModelSummary({ text, applied }: { text: string; applied: string }) {
  const { t, i18n } = useTranslation('images');
  const c = checkStack(text);
  const n = (v: number) => v.toLocaleString(i18n.language);
  if (!c.ok) {
    return (
      <div className="model-summary refused" data-testid="model-summary">
        <p role="alert" className="field-error" data-testid="stack-refusal">
          {t('summary.refused', { reason: c.reason })}
        </p>
        <p className="hint">{t('summary.keeps', { stack: applied })}</p>
      </div>
    );
  }
  const rows = c.summary.rows;
  return (
    <div className="model-summary" data-testid="model-summary">
      <table className="summary-table">
        <caption>{t('summary.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('summary.layer')}</th>
            <th scope="col">{t('summary.shape')}</th>
            <th scope="col" className="num">{t('summary.params')}</th>
          </tr>
        </thead>
        <tbody>
          <tr className="summary-input">
            <th scope="row">{t('summary.input')}</th>
            <td>{shapeText(IMAGE_INPUT)}</td>
            <td className="num">0</td>
          </tr>
          {rows.map((r, i) => {
            const head = i === rows.length - 1;
            return (
              <tr key={i} data-testid={`summary-row-${i}`}>
                <th scope="row">{head ? t('summary.head') : `${i + 1}. ${formatLayer(r.layer)}`}</th>
                <td data-testid={`summary-shape-${i}`}>{shapeText(r.out)}</td>
                <td className="num">{n(r.params)}</td>
              </tr>
            );
          })}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={2}>{t('summary.total')}</th>
            <td className="num" data-testid="summary-total">{n(c.summary.params)}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
