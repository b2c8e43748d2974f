/**
 * The formulas of one Step-mode stage: sections of typeset lines, each with its result as
 * plain text (`data-testid="value-<name>"`, e.g. value-w2_1_1). Hovering a line highlights
 * its units and weights in the diagram; clicking an update line selects that parameter for
 * the gradient check.
 */
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { GradientTarget } from '../../src-engine/inspect/gradient-check';
import type { Focus, FormulaSection } from './stage-formulas';
import { Tex } from './Tex';

interface Props {
  sections: FormulaSection[];
  selected: GradientTarget | null;
  onHover(focus: Focus | null): void;
  onSelect(target: GradientTarget): void;
}

const same = (a: GradientTarget | null, b: GradientTarget | undefined) => !!a && !!b && JSON.stringify(a) === JSON.stringify(b);

export const StageFormulas = memo(function StageFormulas({ sections, selected, onHover, onSelect }: Props) {
  const { t } = useTranslation();
  return (
    <div className="stage-formulas">
      {sections.map((section) => (
        <section key={section.title} className="formula-section">
          <h3 className="formula-section-title">{t(`step.${section.title}`)}</h3>
          <ul className="formula-lines">
            {section.lines.map((line) => {
              const param = line.param;
              const isSelected = same(selected, param);
              return (
                <li
                  key={line.name}
                  className={`formula-line${param ? ' is-param' : ''}${isSelected ? ' is-selected' : ''}`}
                  data-line={line.name}
                  onPointerEnter={() => onHover(line.focus)}
                  onPointerLeave={() => onHover(null)}
                  onClick={param ? () => onSelect(param) : undefined}
                  title={param ? t('step.selectParam') : undefined}
                >
                  <span className="formula-tex">
                    <Tex tex={line.tex} />
                  </span>
                  {line.plain !== null && (
                    <output className="formula-result" data-testid={`value-${line.name}`} aria-label={`${line.name} = ${line.plain}`}>
                      {line.plain}
                    </output>
                  )}
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </div>
  );
});
