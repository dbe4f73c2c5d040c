import { z } from 'zod';
import { claimSchema } from '../domain/claim';
import { addressSchema, customerSchema, phoneNumberSchema } from '../domain/customer';
import { deviceSchema } from '../domain/device';
import {
  currencyCodeSchema,
  isoDateSchema,
  stationCodeSchema,
  textSchema,
} from '../domain/primitives';
import { quoteLineSchema, quoteSchema } from '../domain/quote';
import { shipmentDirectionSchema, shipmentLegSchema } from '../domain/shipment';
import { languageSchema } from '../domain/vocabulary';
import { clauseTextSchema } from '../policy/clauses/clauseText';
import { decisionSchema } from '../policy/decision';
import type { DocumentDataByKind, RepairCenter } from './documentData';
import type { DocumentKind, PaperSize } from './pageLayout';

/**
 * Schemas of the data each document is laid out from, for data that crosses a process boundary
 * (the renderer asking main to render or print). Built from the domain's own schemas, so a
 * document is refused for the same reasons a record would be, with the field named.
 */

/** Office paper: A4 or US Letter. */
export const paperSizeSchema = z.enum(['A4', 'Letter'], {
  error: 'expected the paper "A4" or "Letter"',
}) satisfies z.ZodType<PaperSize>;

/** How to render: the paper for office documents and the language to print in. */
export const documentOptionsSchema = z.object({
  paper: paperSizeSchema.optional(),
  language: languageSchema.optional(),
});
export type DocumentOptions = z.infer<typeof documentOptionsSchema>;

/** The repair center that prints the document. */
export const repairCenterSchema = z.object({
  name: textSchema,
  address: addressSchema,
  returnAddress: addressSchema.optional(),
  phone: phoneNumberSchema,
  email: z.email({ error: 'expected an email address such as "name@example.com"' }).optional(),
  stationCode: stationCodeSchema,
  currency: currencyCodeSchema,
}) satisfies z.ZodType<RepairCenter>;

const claimDocumentShape = {
  center: repairCenterSchema,
  claim: claimSchema,
  customer: customerSchema,
  device: deviceSchema,
};

/**
 * The data of each kind of document. Each schema's output is the layout's own data type (checked
 * by the annotation), so a parsed request can go straight to `layoutDocument`.
 */
export const documentDataSchemas = {
  'rma-slip': z.object({
    ...claimDocumentShape,
    decision: decisionSchema,
    authorizedOn: isoDateSchema.optional(),
    shipBy: isoDateSchema.optional(),
    inboundLeg: shipmentLegSchema.optional(),
  }),
  'return-label': z.object({
    ...claimDocumentShape,
    direction: shipmentDirectionSchema,
    leg: shipmentLegSchema.optional(),
  }),
  'device-tag': z.object(claimDocumentShape),
  quote: z.object({
    ...claimDocumentShape,
    quote: quoteSchema,
    lines: z.array(quoteLineSchema),
    clauseTexts: z.record(z.string(), clauseTextSchema),
    issuedOn: isoDateSchema,
  }),
  'packing-slip': z.object({
    ...claimDocumentShape,
    issuedOn: isoDateSchema,
    items: z
      .array(
        z.object({
          description: textSchema,
          quantity: z.int().min(1, { error: 'expected a quantity of 1 or more' }),
          identifier: textSchema.optional(),
        }),
      )
      .optional(),
    leg: shipmentLegSchema.optional(),
  }),
} satisfies { readonly [Kind in DocumentKind]: z.ZodType<DocumentDataByKind[Kind]> };

/** One request for a document of `Kind`: its data and how to render it. */
function documentRequestOf<Kind extends DocumentKind>(kind: Kind) {
  return z.object({
    kind: z.literal(kind),
    data: documentDataSchemas[kind],
    options: documentOptionsSchema.default({}),
  });
}

/**
 * A document to render or print: `{ kind, data, options }`, where `data` is checked against the
 * schema of `kind`. A bad field is refused by its path (`data.claim.rmaNumber: …`).
 */
export const documentRequestSchema = z.discriminatedUnion(
  'kind',
  [
    documentRequestOf('rma-slip'),
    documentRequestOf('return-label'),
    documentRequestOf('device-tag'),
    documentRequestOf('quote'),
    documentRequestOf('packing-slip'),
  ],
  {
    error:
      'expected a document kind: "rma-slip", "return-label", "device-tag", "quote" or "packing-slip"',
  },
);
/** A parsed document request. */
export type DocumentRequest = z.output<typeof documentRequestSchema>;
/** A document request as the caller writes it (options may be left out). */
export type DocumentRequestInput = z.input<typeof documentRequestSchema>;
