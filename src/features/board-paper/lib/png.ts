import { WHITE } from '@/components/charts/palette';
import type { Chart } from './charts';

/**
 * A chart (standalone SVG) as a PNG at `scale` times its size on a white background: the SVG is
 * serialised (text escaped by the serialiser), loaded as an image from a blob URL and drawn onto
 * a canvas. No network, no eval, nothing but the drawing itself.
 */
export async function chartToPng(chart: Chart, scale = 2): Promise<Blob> {
  const markup = new XMLSerializer().serializeToString(chart.svg);
  const url = URL.createObjectURL(new Blob([markup], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.decoding = 'async';
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(chart.width * scale);
    canvas.height = Math.round(chart.height * scale);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no 2D canvas');
    context.fillStyle = WHITE;
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('no PNG'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}
