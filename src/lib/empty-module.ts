/**
 * Stands in for jsPDF's optional dependencies (html2canvas, canvg, dompurify), which only its
 * `html()` and SVG-to-canvas paths use and this app never calls: aliased in vite.config.ts, so
 * they are neither bundled nor precached.
 */
export default {};
