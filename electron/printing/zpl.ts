import { connect } from 'node:net';
import type {
  DeviceTagData,
  DocumentLayout,
  DrawOperation,
  ReturnLabelData,
  TextOperation,
} from '#shared/documents';
import { fail, ok, type Result } from '#shared/domain/result';
import { encodeCode128, encodeQr } from '#shared/documents/pdf';
import { layoutForPrinting, type RenderOptions } from '../documents/renderDocument';

/**
 * ZPL II for network label printers (Zebra and compatibles): the same page descriptions the PDF
 * renderer draws, converted to printer commands in dots, so a label printed raw looks like the
 * PDF preview. Text keeps the layout's line breaks; the printer's scalable font 0 is narrower
 * than DejaVu Sans, so a line the layout fitted still fits.
 */

/** The resolution of most desktop label printers: 8 dots per millimetre. */
export const defaultDotsPerInch = 203;

/** Options of the ZPL conversion. */
export type ZplOptions = { readonly dotsPerInch?: number };

/**
 * Escapes field data for `^FH`: `^` and `~` would start commands and `_` is the escape
 * character itself, so all three are written as `_` and two hex digits.
 */
export function escapeFieldData(value: string): string {
  return value.replace(
    /[\^~_]/g,
    (character) => `_${character.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/**
 * Converts a laid-out document to ZPL: one `^XA … ^XZ` label per page, UTF-8 (`^CI28`), the
 * label's width and length set, Code128 as `^BC` in automatic subset mode, QR as `^BQ`.
 */
export function layoutToZpl(layout: DocumentLayout, options: ZplOptions = {}): string {
  const dotsPerInch = options.dotsPerInch ?? defaultDotsPerInch;
  const dots = (points: number): number => Math.round((points * dotsPerInch) / 72);
  return layout.pages
    .map((page) =>
      [
        '^XA',
        '^CI28',
        `^PW${dots(layout.size.width)}`,
        `^LL${dots(layout.size.height)}`,
        '^LH0,0',
        ...page.operations.flatMap((operation) => operationToZpl(operation, dots)),
        '^XZ',
      ].join('\n'),
    )
    .join('\n')
    .concat('\n');
}

function operationToZpl(operation: DrawOperation, dots: (points: number) => number): string[] {
  switch (operation.kind) {
    case 'text':
      return textToZpl(operation, dots);
    case 'rule': {
      const thickness = Math.max(1, dots(operation.thickness));
      const horizontal = operation.y1 === operation.y2;
      const segments = operation.dash === undefined ? [[0, 1]] : dashSegments(operation);
      return segments.map(([from = 0, to = 1]) => {
        const x1 = operation.x1 + (operation.x2 - operation.x1) * from;
        const y1 = operation.y1 + (operation.y2 - operation.y1) * from;
        const length = dots(
          Math.hypot(operation.x2 - operation.x1, operation.y2 - operation.y1) * (to - from),
        );
        return horizontal
          ? `^FO${dots(x1)},${dots(y1) - Math.floor(thickness / 2)}^GB${length},${thickness},${thickness}^FS`
          : `^FO${dots(x1) - Math.floor(thickness / 2)},${dots(y1)}^GB${thickness},${length},${thickness}^FS`;
      });
    }
    case 'rectangle': {
      const width = dots(operation.width);
      const height = dots(operation.height);
      // ^GB fills a box when its border is as thick as the box's smaller side.
      const border =
        operation.fill === 'black'
          ? Math.min(width, height)
          : Math.max(1, dots(operation.strokeWidth));
      if (operation.fill !== 'black' && operation.strokeWidth <= 0) return [];
      return [`^FO${dots(operation.x)},${dots(operation.y)}^GB${width},${height},${border},B^FS`];
    }
    case 'code128': {
      const modules = encodeCode128(operation.value).reduce((sum, width) => sum + width, 0);
      const available = dots(operation.width);
      // 10 modules of quiet zone on each side, as in the PDF (ISO/IEC 15417).
      const moduleDots = Math.max(1, Math.min(10, Math.floor(available / (modules + 20))));
      const left = dots(operation.x) + Math.round((available - modules * moduleDots) / 2);
      const height = dots(operation.height);
      return [
        `^FO${left},${dots(operation.y)}^BY${moduleDots},3,${height}^BCN,${height},N,N,N,A^FH^FD${escapeFieldData(operation.value)}^FS`,
      ];
    }
    case 'qr': {
      const size = encodeQr(operation.value).length;
      const available = Math.min(dots(operation.width), dots(operation.height));
      const magnification = Math.max(1, Math.min(10, Math.floor(available / (size + 8))));
      const offset = Math.round((available - size * magnification) / 2);
      // ^BQ draws its own quiet zone of about one module at the top; the offset centres the rest.
      return [
        `^FO${dots(operation.x) + offset},${dots(operation.y) + offset}^BQN,2,${magnification}^FH^FDMA,${escapeFieldData(operation.value)}^FS`,
      ];
    }
  }
}

/** The on-segments of a dashed rule, as fractions of its length. */
function dashSegments(operation: Extract<DrawOperation, { kind: 'rule' }>): [number, number][] {
  const length = Math.hypot(operation.x2 - operation.x1, operation.y2 - operation.y1);
  const [on, off] = operation.dash ?? [length, 0];
  const segments: [number, number][] = [];
  for (let start = 0; start < length; start += on + off) {
    segments.push([start / length, Math.min(start + on, length) / length]);
  }
  return segments;
}

function textToZpl(operation: TextOperation, dots: (points: number) => number): string[] {
  const justification = { left: 'L', center: 'C', right: 'R' }[operation.align];
  const height = Math.max(10, dots(operation.fontSize));
  return operation.lines.flatMap((line, index) =>
    line === ''
      ? []
      : [
          [
            `^FO${dots(operation.x)},${dots(operation.y + index * operation.lineHeight)}`,
            `^A0N,${height},${height}`,
            // A one-line field block as wide as the layout's box aligns the line as the PDF does.
            `^FB${dots(operation.width)},1,0,${justification},0`,
            // White text is drawn reversed over the black band beneath it.
            operation.color === 'white' ? '^FR' : '',
            `^FH^FD${escapeFieldData(line)}^FS`,
          ].join(''),
        ],
  );
}

/** The ZPL of a 4 × 6 in return label. */
export function returnLabelZpl(
  data: ReturnLabelData,
  options: RenderOptions & ZplOptions = {},
): string {
  return layoutToZpl(layoutForPrinting('return-label', data, options), options);
}

/** The ZPL of a device tag. */
export function deviceTagZpl(
  data: DeviceTagData,
  options: RenderOptions & ZplOptions = {},
): string {
  return layoutToZpl(layoutForPrinting('device-tag', data, options), options);
}

/** Why ZPL did not reach the printer. */
export type ZplSendError = {
  readonly code: 'refused' | 'timeout' | 'unreachable' | 'failed';
  readonly message: string;
};

/**
 * Sends ZPL to a network label printer's raw port (9100, "JetDirect") over TCP and resolves
 * once all of it was handed over and the connection closed. Never rejects: a refused
 * connection, a printer that does not take the data within `timeoutMs`, or a network error come
 * back as an error result whose message says what to check.
 */
export function sendZpl(
  host: string,
  port = 9100,
  zpl: string,
  timeoutMs = 10_000,
): Promise<Result<{ bytesSent: number }, ZplSendError>> {
  const printer = `the label printer at ${host}:${port}`;
  return new Promise((resolve) => {
    const bytes = Buffer.from(zpl, 'utf8');
    let allWritten = false;
    let settled = false;
    const settle = (result: Result<{ bytesSent: number }, ZplSendError>): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      resolve(result);
    };
    const socket = connect({ host, port });
    const timer = setTimeout(() => {
      // A printer that took everything but keeps the line open has still been sent the label.
      if (allWritten) settle(ok({ bytesSent: bytes.length }));
      else
        settle(
          fail({
            code: 'timeout',
            message: `No answer from ${printer} within ${timeoutMs} ms: check that it is on, online and not busy.`,
          }),
        );
    }, timeoutMs);
    socket.on('connect', () => {
      socket.end(bytes, () => {
        allWritten = true;
      });
    });
    socket.on('close', (hadError) => {
      if (hadError) return;
      if (allWritten) settle(ok({ bytesSent: bytes.length }));
      else
        settle(
          fail({
            code: 'failed',
            message: `${printer} closed the connection before taking the whole label: check its memory and error lights.`,
          }),
        );
    });
    socket.on('error', (error: NodeJS.ErrnoException) => {
      switch (error.code) {
        case 'ECONNREFUSED':
          settle(
            fail({
              code: 'refused',
              message: `${printer} refused the connection: check the address and that its raw port ${port} is enabled.`,
            }),
          );
          return;
        case 'ENOTFOUND':
        case 'EHOSTUNREACH':
        case 'ENETUNREACH':
        case 'EAI_AGAIN':
          settle(
            fail({
              code: 'unreachable',
              message: `Cannot reach ${printer} (${error.code}): check the printer's address and the network.`,
            }),
          );
          return;
        default:
          settle(
            fail({
              code: 'failed',
              message: `Sending to ${printer} failed: ${error.message}.`,
            }),
          );
      }
    });
  });
}
