import { type Language, translate } from '../i18n';
import { fieldLabelKey } from './fields';
import { type MappingProblem } from './mapping';

/** A validation problem as the sidebar shows it, in `language`. */
export function describeProblem(language: Language, problem: MappingProblem): string {
  const label = (id: Parameters<typeof fieldLabelKey>[0]): string => translate(language, fieldLabelKey(id));
  switch (problem.code) {
    case 'missingField':
      return translate(language, 'mapping.problem.missingField', { field: label(problem.field) });
    case 'missingOneOf':
      return translate(language, 'mapping.problem.missingOneOf', {
        fields: problem.fields.map(label).join(translate(language, 'mapping.problem.or')),
      });
    case 'unknownHeader':
      return translate(language, 'mapping.problem.unknownHeader', {
        field: label(problem.field),
        header: problem.header,
      });
    case 'sameColumnTwice':
      return translate(language, 'mapping.problem.sameColumnTwice', { header: problem.header });
    case 'periodMissing':
      return translate(language, 'mapping.problem.periodMissing');
    case 'periodInvalid':
      return translate(language, 'mapping.problem.periodInvalid');
    case 'headerRowInvalid':
      return translate(language, 'mapping.problem.headerRowInvalid');
  }
}
