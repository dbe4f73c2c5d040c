import type { TFunction } from 'i18next';
import { moneyErrorReason } from '../money/moneyErrorText';
import type { PartsCsvIssue } from './partsCsv';

/** One line of the import report, in the language shown: "row 7: price "12,5x" is not a number…". */
export function csvIssueText(t: TFunction, issue: PartsCsvIssue): string {
  switch (issue.kind) {
    case 'empty-file':
      return t('parts.csv.issue.emptyFile');
    case 'missing-columns':
      return t('parts.csv.issue.missingColumns', { columns: issue.columns.join(', ') });
    case 'malformed':
      return t(`parts.csv.issue.malformed.${issue.problem}`, { row: issue.row });
    case 'required':
      return t('parts.csv.issue.required', { row: issue.row, column: issue.column });
    case 'currency':
      return t('parts.csv.issue.currency', { row: issue.row, value: issue.value });
    case 'price':
      return t('parts.csv.issue.price', {
        row: issue.row,
        value: issue.value,
        reason: moneyErrorReason(t, issue.error, issue.currency),
      });
    case 'duplicate-sku':
      return t('parts.csv.issue.duplicateSku', {
        row: issue.row,
        value: issue.value,
        firstRow: issue.firstRow,
      });
    case 'invalid':
      return issue.problem.kind === 'too-long'
        ? t('parts.csv.issue.tooLong', {
            row: issue.row,
            column: issue.column,
            max: issue.problem.max,
          })
        : t('parts.csv.issue.invalid', { row: issue.row, column: issue.column });
  }
}
