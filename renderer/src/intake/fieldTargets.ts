import type { MissingFactField } from '#shared/policy';

/** The DOM id of a form field, by its path in the intake form (`device.serial`). */
export function fieldId(path: string): string {
  return `intake-${path.replace(/\./g, '-')}`;
}

/** The form field that answers a fact the policy says is missing (its dotted path). */
const missingFactFields: Readonly<Record<Exclude<MissingFactField, `evidence.${string}`>, string>> =
  {
    'purchase.proof': 'purchase.proof',
    'purchase.invoiceDate': 'purchase.invoiceDate',
    'purchase.orderDate': 'purchase.orderDate',
    'purchase.deliveredDate': 'purchase.deliveredDate',
    'purchase.maxEstimatedDeliveryDate': 'purchase.maxEstimatedDeliveryDate',
    'purchase.orderNumber': 'purchase.orderNumber',
    'purchase.shopLink': 'purchase.shopLink',
    'purchase.price': 'purchase.price',
    'request.condition': 'claim.conditionRecorded',
    'request.description': 'claim.defectWhat',
    'request.symptom': 'claim.symptom',
    'request.stepsTried': 'claim.stepsTried',
    'product.serial': 'device.serial',
    'product.sku': 'device.sku',
    'product.itemCode': 'device.itemCode',
    'customer.name': 'customer.name',
    'customer.email': 'customer.email',
  };

/** The form field for a missing fact; every piece of evidence is added at the drop zone. */
export function fieldOfMissingFact(fact: MissingFactField): string {
  return isEvidence(fact) ? 'evidence' : missingFactFields[fact];
}

function isEvidence(
  fact: MissingFactField,
): fact is Extract<MissingFactField, `evidence.${string}`> {
  return fact.startsWith('evidence.');
}

/**
 * Scrolls to a field and puts the cursor in it. When the field is not on screen (the customer's
 * email of a customer picked from the search), `fallbackPath` is used instead.
 * Returns whether a field was found.
 */
export function focusField(path: string, fallbackPath?: string): boolean {
  const element =
    document.getElementById(fieldId(path)) ??
    (fallbackPath === undefined ? null : document.getElementById(fieldId(fallbackPath)));
  if (element === null) return false;
  element.scrollIntoView({ block: 'center', behavior: 'instant' });
  element.focus({ preventScroll: true });
  return true;
}
