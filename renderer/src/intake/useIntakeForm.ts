import { useForm } from '@mantine/form';
import { useCallback, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { CurrencyCode, IsoDate } from '#shared/domain/primitives';
import type { Language } from '#shared/domain/vocabulary';
import { emptyIntakeForm, type IntakeFormValues } from './intakeFormValues';
import { intakeProblems, type FieldProblem } from './intakeProblems';
import { splitModelName } from './intakeRecords';
import { useKnownDevice } from './useKnownDevice';

/** Fields whose format is checked as soon as they are left, not only on save. */
export const checkedOnBlur = [
  'customer.phone',
  'customer.email',
  'customer.countryCode',
  'device.imei',
  'purchase.shopLink',
  'purchase.deliveredDate',
  'purchase.maxEstimatedDeliveryDate',
  'purchase.price',
];

/** A stand-in id for validating records that have none yet. */
const placeholderId = '00000000-0000-7000-8000-000000000000';

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
 * (a known device needs no model or category, and lends the form its brand).
 */
export function useIntakeForm({ language, currency, today, brands }: IntakeFormOptions) {
  const { t } = useTranslation();
  // Read by the validation rules, which the form keeps from its first render.
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

  const form = useForm<IntakeFormValues>({
    mode: 'controlled',
    initialValues: emptyIntakeForm(language),
    validate: (values) =>
      Object.fromEntries(problemsOf(values).map((problem) => [problem.field, messageOf(problem)])),
    validateInputOnBlur: checkedOnBlur,
  });
  const { values, setFieldValue } = form;

  const knownDevice = useKnownDevice(values.device.serial, values.device.imei);
  useEffect(() => {
    validationOptions.current.deviceIsKnown = knownDevice !== undefined;
  }, [knownDevice]);

  // A known device names its brand in its model; the pack needs the brand on its own.
  const knownBrand =
    knownDevice === undefined ? '' : splitModelName(brands, knownDevice.device.model).brand;
  useEffect(() => {
    if (knownBrand !== '' && values.device.brand.trim() === '') {
      setFieldValue('device.brand', knownBrand);
    }
  }, [knownBrand, values.device.brand, setFieldValue]);

  const errorOf = (path: string): string | undefined => {
    const error = form.errors[path];
    return typeof error === 'string' ? error : undefined;
  };

  return { form, knownDevice, problemsOf, errorOf };
}

export type IntakeForm = ReturnType<typeof useIntakeForm>;
