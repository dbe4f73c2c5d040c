/**
 * Page scripts for the layout test: a quote with lines of every generated kind on a claim, and a
 * measure of what the main content cuts off.
 */

/** Starts a quote on `claimId` with a part, hourly labour, the converted C9 fee and shipping. */
export const seedQuoteLines = (claimId: string) => `(async () => {
  const { appDatabase, createRepositories } = await window.__fixlineTest;
  const repositories = createRepositories(appDatabase());
  const actor = { actor: '00000000-0000-7000-8000-0000000000aa' };
  const unwrap = (result) => { if (!result.ok) throw new Error(result.error.message); return result.value; };
  const quote = unwrap(await repositories.quotes.create(
    { claimId: ${JSON.stringify(claimId)}, revision: 1, status: 'draft', currency: 'IDR', validUntil: '2099-12-31' }, actor));
  const lines = [
    { kind: 'part', description: 'KT3-LCD-01 Display assembly with touch panel and frame', quantity: 2,
      unitPrice: { amount: 450000, currency: 'IDR' }, clauseIds: [] },
    { kind: 'labour', description: 'Labour (1.5 h × IDR 100,000)', quantity: 1, unitPrice: { amount: 150000, currency: 'IDR' },
      wording: { code: 'labour-hourly', hundredthsOfHour: 150, rate: { amount: 100000, currency: 'IDR' } }, clauseIds: [] },
    { kind: 'fee', description: 'Price difference', wording: { code: 'charge', charge: 'price-difference' }, quantity: 1,
      unitPrice: { amount: 325000, currency: 'IDR' }, conversion: { source: { amount: 2000, currency: 'USD' }, rate: '16250' },
      clauseIds: ['C8', 'C9', 'C10'] },
    { kind: 'shipping-inbound', description: 'Shipping to the center', wording: { code: 'shipping-inbound' }, quantity: 1,
      unitPrice: { amount: 25000, currency: 'IDR' }, clauseIds: ['C8', 'C10', 'C11'] },
  ];
  for (const line of lines) unwrap(await repositories.quoteLines.create({ ...line, quoteId: quote.id }, actor));
})()`;

/**
 * What the main content cuts off, as readable descriptions: an element reaching past the
 * viewport's right edge or past a clipping ancestor's (overflow other than visible), and a
 * button, button label or table cell whose text is wider than its box (an ellipsis, or clipped).
 * Visually hidden elements (clipped to nothing on purpose) are left out.
 */
export const measureCutContent = `(() => {
  const main = document.querySelector('main');
  if (main === null) return ['no main element'];
  const viewportRight = document.documentElement.clientWidth;
  const describe = (element) => {
    const text = (element.innerText || element.getAttribute('aria-label') || '').trim().replace(/\\s+/g, ' ').slice(0, 40);
    return element.tagName.toLowerCase() + (element.className && typeof element.className === 'string' ? '.' + element.className.split(' ')[0] : '') + ' "' + text + '"';
  };
  const hidden = (element) => {
    for (let node = element; node !== null && node !== main; node = node.parentElement) {
      const style = getComputedStyle(node);
      if (style.visibility === 'hidden' || style.display === 'none') return true;
      if (style.clip === 'rect(0px, 0px, 0px, 0px)' || style.clipPath === 'inset(50%)') return true;
      if (node.getAttribute('aria-hidden') === 'true' && node.getBoundingClientRect().width <= 1) return true;
    }
    return false;
  };
  const problems = [];
  for (const element of main.querySelectorAll('*')) {
    const box = element.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) continue;
    if (hidden(element)) continue;
    if (box.right > viewportRight + 1) {
      problems.push('past the right edge (' + Math.round(box.right) + ' > ' + viewportRight + '): ' + describe(element));
      continue;
    }
    for (let parent = element.parentElement; parent !== null && parent !== main; parent = parent.parentElement) {
      const overflow = getComputedStyle(parent).overflowX;
      if (overflow === 'visible') continue;
      const limit = parent.getBoundingClientRect();
      // Only content: an empty decoration (a switch's off-track label) may sit outside its box.
      if (box.right > limit.right + 1 && element.children.length === 0 && element.textContent.trim() !== '') {
        problems.push('cut off by ' + describe(parent) + ': ' + describe(element));
      }
      break;
    }
  }
  for (const element of main.querySelectorAll('button, [class*="Button-label"], td, th')) {
    if (hidden(element)) continue;
    if (element.scrollWidth > element.clientWidth + 1) problems.push('text wider than its box: ' + describe(element));
  }
  return [...new Set(problems)];
})()`;
