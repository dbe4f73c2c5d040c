import { useForm, type UseFormReturnType } from '@mantine/form';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { CurrencyCode, IsoDate } from '#shared/domain/primitives';
import type { Language } from '#shared/domain/vocabulary';
import { emptyIntakeForm, type IntakeFormValues } from './intakeFormValues';
import { intakeProblems, type FieldProblem } from './intakeProblems';
import { splitModelName } from './intakeRecords';
import { useKnownDevice } from './useKnownDevice';

/** A stand-in id for validating records that have none yet. */
const placeholderId = '00000000-0000-7000-8000-000000000000';

/**
 * What the sections take of the form: the same object from render to render (until the language
 * or the currency changes the rules), so a memoised section renders again when a value it reads
 * with `useWatchValue` changes, not at every keystroke elsewhere in the form.
 */
export type IntakeFields = Pick<
  UseFormReturnType<IntakeFormValues>,
  | 'useWatchValue'
  | 'setFieldValue'
  | 'validateField'
  | 'getValues'
  | 'insertListItem'
  | 'removeListItem'
>;

type IntakeFormOptions = {
  readonly language: Language;
  readonly currency: CurrencyCode;
  /** Today in the station's time zone: a purchase or delivery after it is refused. */
  readonly today: IsoDate;
  /** The brands the station's packs name, to take a known device's brand from its model. */
  readonly brands: readonly string[];
};

/**
 * The intake form with its validation: each field's message in the current language, the
 * format of some fields checked when they are left, and the device the serial or IMEI names
 * (a known device needs no model or category, and lends the form its brand). The values live
 * outside React state (Mantine's uncontrolled mode): a keystroke renders only the components
 * that read the field typed into.
 */
export function useIntakeForm({ language, currency, today, brands }: IntakeFormOptions) {
  const { t } = useTranslation();
  // Read by the validation rules, which stay the same from render to render.
  const validationOptions = useRef({ deviceIsKnown: false, today });
  useEffect(() => {
    validationOptions.current.today = today;
  }, [today]);
  const messageOf = useCallback(
    (problem: FieldProblem) => t(`intake.errors.${problem.key ?? 'invalid'}`),
    [t],
  );
  /** What is wrong with `values`, field by field, in the order of the form. */
  const problemsOf = useCallback(
    (values: IntakeFormValues) =>
      intakeProblems(values, {
        currency,
        customerIsNew: values.customer.existingId === '',
        deviceIsKnown: validationOptions.current.deviceIsKnown,
        today: validationOptions.current.today,
        placeholderId,
      }),
    [currency],
  );
  // Mantine's setters are made anew whenever the rules are, and the sections take them.
  const validate = useCallback(
    (values: IntakeFormValues) =>
      Object.fromEntries(problemsOf(values).map((problem) => [problem.field, messageOf(problem)])),
    [problemsOf, messageOf],
  );

  const form = useForm<IntakeFormValues>({
    mode: 'uncontrolled',
    initialValues: emptyIntakeForm(language),
    validate,
  });
  const { setFieldValue, validateField, useWatchValue, insertListItem, removeListItem } = form;

  // Mantine's getValues is a new function whenever the values changed, which would render every
  // memoised section again: they take one that asks the latest form (from handlers, not renders).
  const latestForm = useRef(form);
  useLayoutEffect(() => {
    latestForm.current = form;
  });
  const getValues = useCallback(() => latestForm.current.getValues(), []);

  const fields = useMemo<IntakeFields>(
    () => ({
      useWatchValue,
      // No input takes Mantine's `key`: a forced update would only render the screen again.
      setFieldValue: (path, value) => setFieldValue(path, value, { forceUpdate: false }),
      validateField,
      getValues,
      insertListItem,
      removeListItem,
    }),
    [useWatchValue, setFieldValue, validateField, getValues, insertListItem, removeListItem],
  );

  const serial = useWatchValue('device.serial');
  const imei = useWatchValue('device.imei');
  const knownDevice = useKnownDevice(serial, imei);
  useEffect(() => {
    validationOptions.current.deviceIsKnown = knownDevice !== undefined;
  }, [knownDevice]);

  // A known device names its brand in its model; the pack needs the brand on its own.
  const brand = useWatchValue('device.brand');
  const knownBrand =
    knownDevice === undefined ? '' : splitModelName(brands, knownDevice.device.model).brand;
  useEffect(() => {
    if (knownBrand !== '' && brand.trim() === '') {
      fields.setFieldValue('device.brand', knownBrand);
    }
  }, [knownBrand, brand, fields]);

  // Mantine hands out a new errors object at every list change (a file attached), with the same
  // messages: keyed by what they say, `errorOf` stays the same function and the memoised
  // sections, which all take it, are not drawn again (see test/browser/intakeRenders.test.tsx).
  const errorsText = JSON.stringify(form.errors);
  const errorOf = useMemo(() => {
    const errors = JSON.parse(errorsText) as Record<string, unknown>;
    return (path: string): string | undefined => {
      const error = errors[path];
      return typeof error === 'string' ? error : undefined;
    };
  }, [errorsText]);

  return { form, fields, brand, knownDevice, problemsOf, errorOf };
}

export type IntakeForm = ReturnType<typeof useIntakeForm>;
