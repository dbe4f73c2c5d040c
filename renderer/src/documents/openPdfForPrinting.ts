/** How long the page keeps a printed PDF's frame: the print dialog reads it while it is open. */
const frameLifetimeMs = 10 * 60_000;

/**
 * Opens a PDF in the browser's print dialog: loaded into a hidden frame, whose viewer prints it.
 * The person chooses the printer and paper there, since a page cannot reach printers itself.
 * Where the frame cannot print (a browser without a PDF viewer), the PDF opens in a new tab.
 */
export function openPdfForPrinting(pdf: Uint8Array, title: string): void {
  const url = URL.createObjectURL(new Blob([pdf.slice()], { type: 'application/pdf' }));
  const frame = document.createElement('iframe');
  frame.title = title;
  frame.dataset.fixlinePrint = title;
  // Hidden without display:none, which would keep the viewer from loading.
  Object.assign(frame.style, {
    position: 'fixed',
    width: '0',
    height: '0',
    border: '0',
    right: '0',
    bottom: '0',
  });
  frame.addEventListener('load', () => {
    try {
      frame.contentWindow?.focus();
      frame.contentWindow?.print();
    } catch {
      window.open(url, '_blank', 'noopener');
    }
  });
  frame.src = url;
  document.body.append(frame);
  setTimeout(() => {
    frame.remove();
    URL.revokeObjectURL(url);
  }, frameLifetimeMs);
}
