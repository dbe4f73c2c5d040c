/**
 * Drawing laid-out documents as PDF with pdfkit: one implementation for the main process and
 * the browser build's worker. Each platform brings its pdfkit build, its font files and its
 * inflater; see eslint.config.js for what this folder may import.
 */
export * from './barcodes';
export * from './documentFonts';
export * from './drawLayouts';
export * from './pdfCanvas';
export * from './woff';
